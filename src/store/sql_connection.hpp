#pragma once
// What the shared store code needs from a database connection. Each backend implements it once;
// the reference and postcode stores and the migration runner are written once against it, with SQL
// that uses $1..$N placeholders (the SQLite connection rewrites them to ?N).
// A connection is not thread-safe: Session guards it.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql_value.hpp"

namespace recall {

// One statement of SqlConnection::query_all.
struct SqlStatement {
  std::string_view sql;
  SqlParams params;
};

// What query_all ran: the rows of each statement that succeeded, in order, and the failure of the
// one after them, if any (the statements after a failure do not run).
struct SqlResults {
  std::vector<SqlRows> rows;
  std::exception_ptr failure;

  void rethrow_failure() const {
    if (failure) std::rethrow_exception(failure);
  }
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  [[nodiscard]] virtual std::string backend() const = 0;  // "sqlite" | "postgresql"

  // One statement, parameters bound by position. Statements are prepared once and cached by text.
  virtual SqlRows query(std::string_view sql, const SqlParams& params) = 0;
  void execute(std::string_view sql, const SqlParams& params = {}) { query(sql, params); }

  // Several statements, run in order, sent together where the backend can: PostgreSQL sends them in
  // one round trip (libpq's pipeline mode), and the transaction's BEGIN with them. A caller that
  // needs an earlier statement's rows to explain a later failure (a missing parent before the
  // trigger's error) reads them before rethrow_failure(). SQLite, in process, runs them one by one.
  // Outside a transaction PostgreSQL runs them as one implicit transaction and SQLite commits each
  // alone: a caller that needs them to stand or fall together opens a transaction.
  virtual SqlResults query_all(std::span<const SqlStatement> statements);

  // A single-row INSERT, written without RETURNING, into a table whose integer key is `id`: the new
  // row's id, or nothing when no row went in (ON CONFLICT DO NOTHING). SQLite reads the id from the
  // connection, since RETURNING makes it build and drop a temporary table for every statement;
  // PostgreSQL appends RETURNING id.
  virtual std::optional<std::int64_t> insert_returning_id(std::string_view sql, const SqlParams& params) = 0;

  // A parameterless script of several statements: migrations only.
  virtual void execute_script(std::string_view sql) = 0;

  // Opens a transaction that will write: SQLite takes the write lock at once (BEGIN IMMEDIATE) so
  // two writers queue on busy_timeout instead of failing half-way; PostgreSQL sends plain BEGIN with
  // the transaction's first statement, saving a round trip (and nothing at all for an empty one).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Serialises migration runs across processes for the duration of the lock (PostgreSQL: a
  // session advisory lock; SQLite: nothing, each migration's BEGIN IMMEDIATE does it).
  virtual void lock_migrations() = 0;
  virtual void unlock_migrations() noexcept = 0;

  // Serialises writers of one aggregate until the current transaction ends.
  virtual void lock_for_transaction(std::string_view key) = 0;

  // DDL that creates schema_migrations if it is missing (its applied_at default is per backend).
  [[nodiscard]] virtual std::string_view migrations_table_ddl() const = 0;

  // How many rows one multi-row INSERT may carry: SQLite is fastest with one reused single-row
  // statement; PostgreSQL needs few round trips.
  [[nodiscard]] virtual std::size_t rows_per_insert() const = 0;
};

}  // namespace recall
