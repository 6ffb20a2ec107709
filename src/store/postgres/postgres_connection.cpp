#include "store/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

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
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw_error(result.get(), sql);
  return result;
}

PgResult PostgresConnection::simple(const char* sql) { return PgResult(PQexec(conn_.get(), sql)); }

std::optional<std::int64_t> PostgresConnection::insert_returning_id(std::string_view sql, const SqlParams& params) {
  const SqlRows rows = query(std::string(sql) + " RETURNING id", params);
  if (rows.empty()) return std::nullopt;
  return rows.at(0).integer(0);
}

SqlRows PostgresConnection::query(std::string_view sql, const SqlParams& params) {
  ensure_connected();
  std::string key(sql);
  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    std::string name = fmt::format("recall_{}", prepared_.size() + 1);
    // Parameter types left to the server: it infers each from where the parameter is used.
    check(PgResult(PQprepare(conn_.get(), name.c_str(), key.c_str(), 0, nullptr)), sql);
    found = prepared_.emplace(key, std::move(name)).first;
  }

  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
      texts[i] = std::to_string(*number);
      values[i] = texts[i].c_str();
    } else if (const auto* text = std::get_if<std::string>(&params[i])) {
      values[i] = text->c_str();
    }
  }
  PgResult result = check(PgResult(PQexecPrepared(conn_.get(), found->second.c_str(), static_cast<int>(params.size()),
                                                  values.data(), nullptr, nullptr, 0)),
                          sql);

  SqlRows rows;
  const int row_count = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c) != 0) {
        cells.emplace_back(nullptr);
      } else {
        cells.emplace_back(std::string(PQgetvalue(result.get(), r, c), static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

void PostgresConnection::execute_script(std::string_view sql) {
  ensure_connected();
  // The simple-query protocol runs a multi-statement script; migrations hold no values.
  std::string text(sql);
  check(simple(text.c_str()), sql.substr(0, sql.find('\n')));
}

void PostgresConnection::begin() {
  ensure_connected();
  check(simple("BEGIN"), "BEGIN");
  in_transaction_ = true;
}

void PostgresConnection::commit() {
  in_transaction_ = false;
  check(simple("COMMIT"), "COMMIT");
}

void PostgresConnection::rollback() noexcept {
  in_transaction_ = false;
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
