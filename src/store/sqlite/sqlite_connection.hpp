#pragma once
// One SQLite database connection with a cache of prepared statements.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_connection.hpp"
#include "store/sqlite/sqlite_checkpointer.hpp"
#include "store/sqlite/sqlite_statement.hpp"

namespace recall {

class SqliteConnection final : public SqlConnection {
 public:
  // `path` is a file path or ":memory:". Throws Error(unavailable) when it cannot be opened or is
  // not a database.
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  [[nodiscard]] std::string backend() const override { return "sqlite"; }
  SqlRows query(std::string_view sql, const SqlParams& params) override;
  std::optional<std::int64_t> insert_returning_id(std::string_view sql, const SqlParams& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;
  void lock_migrations() override {}
  void unlock_migrations() noexcept override {}
  void lock_for_transaction(std::string_view) override {}  // BEGIN IMMEDIATE already holds the write lock
  [[nodiscard]] std::string_view migrations_table_ddl() const override;
  [[nodiscard]] std::size_t rows_per_insert() const override { return 1; }
  // Whether the log is checkpointed by a thread of its own (a file in WAL mode; not ":memory:"), and
  // how many checkpoints that thread has run (for tests).
  [[nodiscard]] bool checkpoints_in_background() const { return checkpointer_ != nullptr; }
  [[nodiscard]] long checkpoints_run() const { return checkpointer_ ? checkpointer_->checkpoints_run() : 0; }

 private:
  void pragma(const std::string& sql);
  bool enable_wal();  // false for an in-memory database, which keeps its own journal
  SqliteStatement& statement(std::string_view sql);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<SqliteCheckpointer> checkpointer_;  // file databases only
  // Keyed by the $N text the caller wrote, so each is rewritten and compiled once. Looked up by
  // string_view, so a cached statement costs no copy of its text.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>, TextHash, std::equal_to<>> statements_;
};

}  // namespace recall
