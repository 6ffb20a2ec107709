#include "store/sqlite/sqlite_checkpointer.hpp"

#include <sqlite3.h>

#include <spdlog/spdlog.h>

namespace recall {

SqliteCheckpointer::SqliteCheckpointer(std::string path) : path_(std::move(path)) {}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SqliteCheckpointer::watch(sqlite3* db) { sqlite3_wal_hook(db, &SqliteCheckpointer::on_commit, this); }

int SqliteCheckpointer::on_commit(void* self, sqlite3* db, const char* schema, int pages) {
  if (pages >= writer_checkpoints_at_pages) {
    // The thread has not kept up (or the log could not start again while writing went on): copy the
    // rest now, as SQLite's own automatic checkpoint would. PASSIVE, so a reader never blocks it.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else {
    static_cast<SqliteCheckpointer*>(self)->request(pages);
  }
  return SQLITE_OK;
}

void SqliteCheckpointer::request(int pages) {
  {
    const std::lock_guard lock(mutex_);
    // Pages not copied yet; a log smaller than what was copied has started again from the top.
    const int pending = pages >= copied_ ? pages - copied_ : pages;
    if (stopping_ || pending < wake_at_pages) return;
    requested_ = true;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wanted_.notify_one();
}

long SqliteCheckpointer::checkpoints_run() const {
  const std::lock_guard lock(mutex_);
  return runs_;
}

void SqliteCheckpointer::run() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    // The writer's own limit still bounds the log; say why it will be the one copying.
    spdlog::warn("SQLite {}: the background checkpoint cannot open the database ({}); the writer will checkpoint",
                 path_, db != nullptr ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return;
  }
  // Its own connection must never checkpoint on commit (it makes none). A connection finds the log
  // only once it has read the database: until then a checkpoint does nothing.
  sqlite3_wal_autocheckpoint(db, 0);
  sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wanted_.wait(lock, [this] { return requested_ || stopping_; });
      if (stopping_) break;
      requested_ = false;
    }
    int log_pages = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, &log_pages, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      spdlog::warn("SQLite {}: background checkpoint failed: {}", path_, sqlite3_errmsg(db));
    }
    const std::lock_guard lock(mutex_);
    if (rc == SQLITE_OK && copied > 0) copied_ = copied;
    ++runs_;
  }
  sqlite3_close(db);
}

}  // namespace recall
