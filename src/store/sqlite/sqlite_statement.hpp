#pragma once
// RAII over sqlite3_stmt with typed binds. Prepared once, reset and reused for every execution.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sql_value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace recall {

class SqliteStatement {
 public:
  // `sql` must already use ?N placeholders. Throws Error(internal) naming the SQL when it does not compile.
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind(int index, std::nullptr_t);
  void bind(int index, std::int64_t value);
  void bind(int index, const std::string& value);
  void bind_all(const SqlParams& params);  // checks the count matches the statement's

  // Runs to completion and returns every row; resets the statement afterwards, even on error.
  SqlRows run();

 private:
  void check_bind(int rc, int index);
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// Throws the Error that matches an SQLite result code: constraint -> conflict, busy/locked ->
// unavailable, anything else -> internal; `what` says what was being done.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view what);

}  // namespace recall
