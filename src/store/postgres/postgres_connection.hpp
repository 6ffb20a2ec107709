#pragma once
// One libpq connection. Every statement with values goes through a named prepared statement
// (PQprepare once, PQexecPrepared after), values sent as text parameters, never spliced into SQL.
#include <memory>
#include <string>
#include <unordered_map>

#include "store/postgres/postgres_url.hpp"
#include "store/sql_connection.hpp"

struct pg_conn;
struct pg_result;

namespace recall {

struct PgResultFree {
  void operator()(pg_result* result) const noexcept;
};
using PgResult = std::unique_ptr<pg_result, PgResultFree>;

struct PgConnFinish {
  void operator()(pg_conn* conn) const noexcept;
};

class PostgresConnection final : public SqlConnection {
 public:
  // Throws Error(invalid_input) for a malformed URL and Error(unavailable) when the server cannot
  // be reached or refuses the login; messages name host, port, database and user, never the password.
  explicit PostgresConnection(const std::string& url);

  [[nodiscard]] std::string backend() const override { return "postgresql"; }
  SqlRows query(std::string_view sql, const SqlParams& params) override;
  SqlResults query_all(std::span<const SqlStatement> statements) override;
  std::optional<std::int64_t> insert_returning_id(std::string_view sql, const SqlParams& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;
  void lock_migrations() override;
  void unlock_migrations() noexcept override;
  void lock_for_transaction(std::string_view key) override;
  [[nodiscard]] std::string_view migrations_table_ddl() const override;
  // 1,000 rows of a few columns stays far below the protocol's 65,535 parameters.
  [[nodiscard]] std::size_t rows_per_insert() const override { return 1000; }

 private:
  void connect();
  void ensure_connected();
  PgResult check(PgResult result, std::string_view sql);
  [[noreturn]] void throw_error(const pg_result* result, std::string_view sql);
  PgResult simple(const char* sql);  // parameterless, unprepared: BEGIN/COMMIT and scripts
  const std::string& prepared_name(std::string_view sql);  // prepared on first use
  void send_pending_begin();
  PgResult next_pipeline_result(std::string_view sql);
  [[noreturn]] void pipeline_broken(std::string_view doing);

  std::string url_;
  PostgresTarget target_;
  std::unique_ptr<pg_conn, PgConnFinish> conn_;
  bool in_transaction_ = false;
  bool begin_pending_ = false;  // begin() was called and BEGIN waits to go with the first statement
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

}  // namespace recall
