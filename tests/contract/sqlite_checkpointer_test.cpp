// The background checkpoint of a SQLite file (store/sqlite/sqlite_checkpointer.hpp): a connection that
// keeps writing has its log copied by another thread, the log stays bounded, and nothing is lost.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "store/sqlite/sqlite_checkpointer.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace recall::contract {

namespace {

namespace fs = std::filesystem;

class SqliteCheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("recall-checkpoint-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  [[nodiscard]] std::string database() const { return (dir_ / "db.sqlite").string(); }
  [[nodiscard]] std::uintmax_t log_bytes() const {
    std::error_code ec;
    const auto size = fs::file_size(dir_ / "db.sqlite-wal", ec);
    return ec ? 0 : size;
  }

  // Rows of about a page each, ten to a transaction, as the intake commits batch after batch.
  static void write_rows(SqliteConnection& db, int first, int count) {
    for (int i = first; i < first + count; i += 10) {
      db.begin();
      for (int row = i; row < std::min(i + 10, first + count); ++row) {
        db.execute("INSERT INTO t (id, body) VALUES ($1, $2)", {sql_int(row), sql_text(std::string(3000, 'x'))});
      }
      db.commit();
    }
  }

  fs::path dir_;
};

}  // namespace

TEST_F(SqliteCheckpointTest, AnotherThreadCopiesTheLogWhileTheWriterGoesOn) {
  const int rows = SqliteCheckpointer::wake_at_pages + 200;
  SqliteConnection db(database());
  db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const auto before = fs::file_size(database());
  write_rows(db, 1, rows);
  // The thread runs on its own: wait (bounded) for its first checkpoint.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (db.checkpoints_run() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(db.checkpoints_run(), 0) << "no background checkpoint ran";
  // The rows' pages are in the database file now, not only in the log.
  EXPECT_GT(fs::file_size(database()), before + std::uintmax_t{SqliteCheckpointer::wake_at_pages} * 3'000);
  EXPECT_EQ(db.query("SELECT count(*) FROM t", {}).at(0).integer(0), rows);
}

TEST_F(SqliteCheckpointTest, TheLogStaysBoundedUnderEndlessWritingAndNothingIsLost) {
  const int rows = SqliteCheckpointer::writer_checkpoints_at_pages + 3'000;
  {
    SqliteConnection db(database());
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    std::uintmax_t largest = 0;
    for (int done = 0; done < rows; done += 500) {
      write_rows(db, done + 1, 500);
      largest = std::max(largest, log_bytes());
    }
    // The writer's own limit: a log of 8,000 pages of 4 KiB, and the batch that crossed it.
    EXPECT_LT(largest, std::uintmax_t{(SqliteCheckpointer::writer_checkpoints_at_pages + 1'000) * 4'200});
  }
  SqliteConnection again(database());
  EXPECT_EQ(again.query("SELECT count(*), min(id), max(id) FROM t", {}).at(0).integer(0), rows);
  EXPECT_EQ(again.query("PRAGMA integrity_check", {}).at(0).text(0), "ok");
}

TEST_F(SqliteCheckpointTest, AnInMemoryDatabaseHasNone) {
  // It keeps its own journal, not a log: nothing to copy, so no checkpointer waits for one.
  SqliteConnection memory(":memory:");
  memory.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  write_rows(memory, 1, 50);
  EXPECT_FALSE(memory.checkpoints_in_background());
  EXPECT_EQ(memory.checkpoints_run(), 0);
  EXPECT_TRUE(SqliteConnection(database()).checkpoints_in_background()) << "a file in WAL mode has one";
}

}  // namespace recall::contract
