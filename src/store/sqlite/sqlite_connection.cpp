#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sqlite/placeholders.hpp"

namespace recall {

namespace {
// How long a writer waits for another process's write lock before SQLITE_BUSY.
constexpr int busy_timeout_ms = 10'000;
}  // namespace

SqliteConnection::SqliteConnection(const std::string& path) : path_(path) {
  if (path.empty()) throw Error(ErrorKind::invalid_input, "SQLite database path is empty");
  // NOMUTEX: Session serialises all use of this connection, so SQLite's own mutex would be redundant.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorKind::unavailable, fmt::format("cannot open SQLite database '{}': {}", path, detail));
  }
  sqlite3_extended_result_codes(db_, 1);
  try {
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    const bool wal = enable_wal();
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and signatures
    // are acknowledged only once committed. Group commit keeps the fsync count low.
    pragma("PRAGMA synchronous = FULL");
    pragma("PRAGMA foreign_keys = ON");
    // 32 MiB of page cache instead of 2: a surge's inserts touch random pages of the unique email
    // index, and each page read again from the file costs the writer a system call.
    pragma("PRAGMA cache_size = -32768");
    if (wal) {
      checkpointer_ = std::make_unique<SqliteCheckpointer>(path);
      checkpointer_->watch(db_);
    }
  } catch (const Error& error) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorKind::unavailable, fmt::format("cannot use SQLite database '{}': {}", path, error.message()));
  }
}

SqliteConnection::~SqliteConnection() {
  checkpointer_.reset();  // its connection closes first, so this one stays the last, as before
  statements_.clear();  // finalise before closing, or close fails with SQLITE_BUSY
  sqlite3_close(db_);
}

bool SqliteConnection::enable_wal() {
  // WAL: readers never block the writer and vice versa; one writer at a time, as designed.
  // Switching needs an exclusive lock and SQLite does not call the busy handler for it (two
  // processes creating the same database at once), so retry here for as long as busy_timeout.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  auto pause = std::chrono::milliseconds(1);
  std::string mode;
  while (true) {
    try {
      SqliteStatement statement(db_, "PRAGMA journal_mode = WAL");
      const SqlRows rows = statement.run();
      mode = rows.empty() ? std::string() : rows[0].text(0);
      break;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::unavailable || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
  // An in-memory database keeps "memory", which is right for it.
  if (mode != "wal" && mode != "memory") {
    throw Error(ErrorKind::unavailable, fmt::format("cannot switch to WAL journaling (journal mode stays '{}')", mode));
  }
  return mode == "wal";
}

void SqliteConnection::pragma(const std::string& sql) {
  SqliteStatement statement(db_, sql);
  statement.run();
}

SqliteStatement& SqliteConnection::statement(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) return *found->second;
  auto prepared = std::make_unique<SqliteStatement>(db_, to_sqlite_placeholders(sql));
  return *statements_.emplace(std::string(sql), std::move(prepared)).first->second;
}

SqlRows SqliteConnection::query(std::string_view sql, const SqlParams& params) {
  SqliteStatement& prepared = statement(sql);
  prepared.bind_all(params);
  return prepared.run();
}

std::optional<std::int64_t> SqliteConnection::insert_returning_id(std::string_view sql, const SqlParams& params) {
  query(sql, params);
  // changes() is the completed INSERT's own count (0 when ON CONFLICT skipped the row); the row id is
  // only read when a row went in, since it keeps the last insert's id otherwise.
  if (sqlite3_changes64(db_) == 0) return std::nullopt;
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

void SqliteConnection::execute_script(std::string_view sql) {
  // Statement by statement so each error names the statement that failed.
  std::string text(sql);
  const char* next = text.c_str();
  const char* end = text.c_str() + text.size();
  while (next < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &raw, &tail);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "cannot prepare script statement");
    if (raw == nullptr) break;  // only whitespace or comments left
    // Finalised after the error is read: finalising first could replace the message.
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    std::string current(next, static_cast<std::size_t>(tail - next));
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) throw_sqlite_error(db_, rc, fmt::format("`{}` failed", current));
    next = tail;
  }
}

void SqliteConnection::begin() { query("BEGIN IMMEDIATE", {}); }
void SqliteConnection::commit() { query("COMMIT", {}); }

void SqliteConnection::rollback() noexcept {
  // After some errors SQLite has already rolled back; ROLLBACK then fails harmlessly.
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::string_view SqliteConnection::migrations_table_ddl() const {
  return "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
         "  version INTEGER PRIMARY KEY,\n"
         "  name TEXT NOT NULL,\n"
         "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),\n"
         "  checksum TEXT NOT NULL\n"
         ")";
}

}  // namespace recall
