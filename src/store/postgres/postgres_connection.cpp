#include "store/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

// libpq messages end in a newline and put hints on indented lines; errors here are one line.
std::string trimmed(const char* text) {
  std::string out;
  bool pending_space = false;
  for (const char* c = text == nullptr ? "" : text; *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\t' || *c == '\r' || *c == ' ') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += *c;
  }
  return out;
}

// Server notices ("relation already exists, skipping") would otherwise go to stderr.
void ignore_notice(void*, const char*) {}

// A statement's values as libpq takes them: text, or a null pointer for NULL. Strings are pointed at
// where they are; integers are written out first.
class TextValues {
 public:
  explicit TextValues(const SqlParams& params) : values_(params.size(), nullptr) {
    numbers_.reserve(params.size());  // never reallocated: values_ points into it
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        values_[i] = numbers_.emplace_back(std::to_string(*number)).c_str();
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        values_[i] = text->c_str();
      }
    }
  }
  [[nodiscard]] int count() const { return static_cast<int>(values_.size()); }
  [[nodiscard]] const char* const* values() const { return values_.data(); }

 private:
  std::vector<std::string> numbers_;
  std::vector<const char*> values_;
};

SqlRows rows_of(const pg_result* result) {
  SqlRows rows;
  const int row_count = PQntuples(result);
  const int columns = PQnfields(result);
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result, r, c) != 0) {
        cells.emplace_back(nullptr);
      } else {
        cells.emplace_back(
            std::string(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c))));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

bool succeeded(const pg_result* result) {
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

ErrorKind kind_for_sqlstate(std::string_view state) {
  if (state.starts_with("23")) return ErrorKind::conflict;     // integrity constraint violation
  if (state == "40001" || state == "40P01") return ErrorKind::conflict;  // serialization failure, deadlock
  if (state.starts_with("08") || state.starts_with("57") || state.starts_with("53")) return ErrorKind::unavailable;
  return ErrorKind::internal;
}

}  // namespace

void PgResultFree::operator()(pg_result* result) const noexcept { PQclear(result); }
void PgConnFinish::operator()(pg_conn* conn) const noexcept { PQfinish(conn); }

PostgresConnection::PostgresConnection(const std::string& url) : url_(url), target_(parse_postgres_url(url)) { connect(); }

void PostgresConnection::connect() {
  prepared_.clear();
  in_transaction_ = false;
  begin_pending_ = false;
  // Keywords before "dbname" are defaults: the URL (expanded from dbname) overrides them.
  const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
  const char* values[] = {"10", "recall", "UTF8", url_.c_str(), nullptr};
  conn_.reset(PQconnectdbParams(keywords, values, 1));
  if (!conn_) throw Error(ErrorKind::unavailable, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    std::string detail = redact_password(trimmed(PQerrorMessage(conn_.get())), target_.password);
    conn_.reset();
    throw Error(ErrorKind::unavailable,
                fmt::format("cannot connect to PostgreSQL at {}: {}", target_.describe(), detail));
  }
  PQsetNoticeProcessor(conn_.get(), ignore_notice, nullptr);
  // Dates travel as text; pin the format the parser expects whatever the server's default.
  check(simple("SET DateStyle = 'ISO, YMD'"), "SET DateStyle");
}

void PostgresConnection::ensure_connected() {
  // A dropped connection outside a transaction is reopened; inside one the work is lost, so the
  // error propagates and the caller's transaction fails.
  if (conn_ && PQstatus(conn_.get()) == CONNECTION_OK) return;
  if (in_transaction_) {
    throw Error(ErrorKind::unavailable, fmt::format("lost the connection to PostgreSQL at {} during a transaction", target_.describe()));
  }
  connect();
}

void PostgresConnection::throw_error(const pg_result* result, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result != nullptr ? trimmed(PQresultErrorMessage(result)) : std::string();
  if (message.empty()) message = trimmed(PQerrorMessage(conn_.get()));
  ErrorKind kind = state != nullptr ? kind_for_sqlstate(state) : ErrorKind::internal;
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    kind = ErrorKind::unavailable;
    message = fmt::format("connection to {} lost: {}", target_.describe(), message);
  }
  throw Error(kind, fmt::format("PostgreSQL: `{}` failed: {}{}", sql, redact_password(message, target_.password),
                                state != nullptr ? fmt::format(" (SQLSTATE {})", state) : std::string()));
}

PgResult PostgresConnection::check(PgResult result, std::string_view sql) {
  if (!succeeded(result.get())) throw_error(result.get(), sql);
  return result;
}

PgResult PostgresConnection::simple(const char* sql) { return PgResult(PQexec(conn_.get(), sql)); }

std::optional<std::int64_t> PostgresConnection::insert_returning_id(std::string_view sql, const SqlParams& params) {
  const SqlRows rows = query(std::string(sql) + " RETURNING id", params);
  if (rows.empty()) return std::nullopt;
  return rows.at(0).integer(0);
}

const std::string& PostgresConnection::prepared_name(std::string_view sql) {
  std::string key(sql);
  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    std::string name = fmt::format("recall_{}", prepared_.size() + 1);
    // Parameter types left to the server: it infers each from where the parameter is used.
    check(PgResult(PQprepare(conn_.get(), name.c_str(), key.c_str(), 0, nullptr)), sql);
    found = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  return found->second;
}

SqlRows PostgresConnection::query(std::string_view sql, const SqlParams& params) {
  if (begin_pending_) {
    const SqlStatement statement{sql, params};
    SqlResults results = query_all(std::span(&statement, 1));
    results.rethrow_failure();
    return std::move(results.rows.front());
  }
  ensure_connected();
  const std::string& name = prepared_name(sql);
  const TextValues values(params);
  const PgResult result = check(PgResult(PQexecPrepared(conn_.get(), name.c_str(), values.count(),
                                                        values.values(), nullptr, nullptr, 0)),
                                sql);
  return rows_of(result.get());
}

SqlResults PostgresConnection::query_all(std::span<const SqlStatement> statements) {
  SqlResults results;
  if (statements.empty()) return results;
  ensure_connected();
  // Prepared first: PQprepare waits for its answer, which pipeline mode does not allow. Nothing of
  // this call has run if one fails.
  std::vector<const std::string*> names;  // into prepared_, whose nodes do not move
  names.reserve(statements.size());
  try {
    for (const SqlStatement& statement : statements) names.push_back(&prepared_name(statement.sql));
  } catch (...) {
    results.failure = std::current_exception();
    return results;
  }

  pg_conn* conn = conn_.get();
  if (PQenterPipelineMode(conn) != 1) pipeline_broken("entering pipeline mode");
  const bool with_begin = begin_pending_;
  if (with_begin && PQsendQueryParams(conn, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
    pipeline_broken("sending BEGIN");
  }
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const TextValues values(statements[i].params);
    if (PQsendQueryPrepared(conn, names[i]->c_str(), values.count(), values.values(), nullptr, nullptr, 0) !=
        1) {
      pipeline_broken("sending a statement");
    }
  }
  if (PQpipelineSync(conn) != 1) pipeline_broken("sending the pipeline");

  // One result a statement, in order; after a failure the server skips the rest (PIPELINE_ABORTED).
  const auto keep = [&](const PgResult& result, std::string_view sql) {
    if (results.failure) return false;
    if (succeeded(result.get())) return true;
    try {
      throw_error(result.get(), sql);
    } catch (...) {
      results.failure = std::current_exception();
    }
    return false;
  };
  if (with_begin) {
    const PgResult begun = next_pipeline_result("BEGIN");
    if (keep(begun, "BEGIN")) begin_pending_ = false;
  }
  for (const SqlStatement& statement : statements) {
    const PgResult result = next_pipeline_result(statement.sql);
    if (keep(result, statement.sql)) results.rows.push_back(rows_of(result.get()));
  }
  const PgResult sync(PQgetResult(conn));
  if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)
    pipeline_broken("reading the end of the pipeline");
  if (PQexitPipelineMode(conn) != 1) pipeline_broken("leaving pipeline mode");
  return results;
}

PgResult PostgresConnection::next_pipeline_result(std::string_view sql) {
  PgResult result(PQgetResult(conn_.get()));
  if (!result) pipeline_broken(fmt::format("reading the result of `{}`", sql));
  // Each statement's results end with a null, before the next statement's.
  while (PgResult more{PQgetResult(conn_.get())}) {
  }
  return result;
}

void PostgresConnection::pipeline_broken(std::string_view doing) {
  // The connection is in a state nothing here can resume from: dropped, so the transaction fails
  // and the next one connects afresh.
  std::string message = redact_password(trimmed(PQerrorMessage(conn_.get())), target_.password);
  conn_.reset();
  begin_pending_ = false;
  throw Error(ErrorKind::unavailable,
              fmt::format("PostgreSQL at {}: failed {}: {}", target_.describe(), doing, message));
}

void PostgresConnection::execute_script(std::string_view sql) {
  ensure_connected();
  send_pending_begin();
  // The simple-query protocol runs a multi-statement script; migrations hold no values.
  std::string text(sql);
  PgResult result = simple(text.c_str());
  // A script of comments only (a migration with nothing to change on this backend) is no error.
  if (result && PQresultStatus(result.get()) == PGRES_EMPTY_QUERY) return;
  check(std::move(result), sql.substr(0, sql.find('\n')));
}

void PostgresConnection::begin() {
  ensure_connected();
  in_transaction_ = true;
  begin_pending_ = true;
}

void PostgresConnection::send_pending_begin() {
  if (!begin_pending_) return;
  check(simple("BEGIN"), "BEGIN");
  begin_pending_ = false;
}

void PostgresConnection::commit() {
  in_transaction_ = false;
  if (begin_pending_) {  // nothing ran: there is no transaction to end
    begin_pending_ = false;
    return;
  }
  check(simple("COMMIT"), "COMMIT");
}

void PostgresConnection::rollback() noexcept {
  in_transaction_ = false;
  if (begin_pending_) {
    begin_pending_ = false;
    return;
  }
  if (conn_ && PQstatus(conn_.get()) == CONNECTION_OK) PgResult(PQexec(conn_.get(), "ROLLBACK"));
}

void PostgresConnection::lock_migrations() {
  // Keyed by schema so separate schemas in one database (as the tests use) migrate independently.
  query("SELECT pg_advisory_lock(hashtextextended('recall.migrations:' || coalesce(current_schema(), ''), 0))", {});
}

void PostgresConnection::unlock_migrations() noexcept {
  try {
    query("SELECT pg_advisory_unlock(hashtextextended('recall.migrations:' || coalesce(current_schema(), ''), 0))", {});
  } catch (const Error&) {
    // The session lock goes with the session if the connection is gone.
  }
}

void PostgresConnection::lock_for_transaction(std::string_view key) {
  query("SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || coalesce(current_schema(), ''), 0))",
        {sql_text(std::string(key))});
}

std::string_view PostgresConnection::migrations_table_ddl() const {
  return "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
         "  version integer PRIMARY KEY,\n"
         "  name text NOT NULL,\n"
         "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
         "  checksum text NOT NULL\n"
         ")";
}

}  // namespace recall
