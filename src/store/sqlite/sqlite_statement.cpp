#include "store/sqlite/sqlite_statement.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

void throw_sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  ErrorKind kind = ErrorKind::internal;
  if (primary == SQLITE_CONSTRAINT) kind = ErrorKind::conflict;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) kind = ErrorKind::unavailable;
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw Error(kind, fmt::format("SQLite: {}: {} (code {})", what, detail, rc));
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql_.c_str(), static_cast<int>(sql_.size() + 1), SQLITE_PREPARE_PERSISTENT, &stmt_, &tail);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, fmt::format("cannot prepare `{}`", sql_));
  if (stmt_ == nullptr) throw Error(ErrorKind::internal, fmt::format("SQLite: `{}` holds no statement", sql_));
  if (tail != nullptr && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    sqlite3_finalize(stmt_);
    throw Error(ErrorKind::internal, fmt::format("SQLite: `{}` holds more than one statement", sql_));
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, fmt::format("cannot bind parameter {} of `{}`", index, sql_));
}

void SqliteStatement::bind(int index, std::nullptr_t) { check_bind(sqlite3_bind_null(stmt_, index), index); }

void SqliteStatement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, static_cast<sqlite3_int64>(value)), index);
}

void SqliteStatement::bind(int index, const std::string& value) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's string may go away before the step.
  check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

void SqliteStatement::bind_all(const SqlParams& params) {
  const int expected = sqlite3_bind_parameter_count(stmt_);
  if (static_cast<std::size_t>(expected) != params.size()) {
    throw Error(ErrorKind::internal,
                fmt::format("SQLite: `{}` takes {} parameters but {} were given", sql_, expected, params.size()));
  }
  sqlite3_clear_bindings(stmt_);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    std::visit([&](const auto& value) { bind(index, value); }, params[i]);
  }
}

SqlRows SqliteStatement::run() {
  struct ResetOnExit {
    sqlite3_stmt* stmt;
    ~ResetOnExit() { sqlite3_reset(stmt); }
  } reset{stmt_};
  SqlRows rows;
  const int columns = sqlite3_column_count(stmt_);
  while (true) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) throw_sqlite_error(db_, rc, fmt::format("`{}` failed", sql_));
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt_, c)) {
        case SQLITE_NULL: cells.emplace_back(nullptr); break;
        case SQLITE_INTEGER: cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt_, c))); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
          const int size = sqlite3_column_bytes(stmt_, c);
          cells.emplace_back(std::string(text == nullptr ? "" : text, static_cast<std::size_t>(size)));
        }
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

}  // namespace recall
