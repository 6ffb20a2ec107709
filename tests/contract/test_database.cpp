#include "contract/test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace recall::contract {

namespace {

std::atomic<int> next_id{0};

std::string unique_suffix() { return std::to_string(::getpid()) + "_" + std::to_string(next_id++); }

class SqliteFileDatabase final : public TestDatabase {
 public:
  SqliteFileDatabase() {
    dir_ = std::filesystem::temp_directory_path() / ("recall_contract_" + unique_suffix());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  ~SqliteFileDatabase() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  [[nodiscard]] std::string url() const override { return path_; }
  [[nodiscard]] bool shared() const override { return true; }
  void execute_raw(const std::string& sql) override { run(sql, nullptr); }
  std::optional<std::string> scalar_raw(const std::string& sql) override {
    std::optional<std::string> out;
    run(sql, &out);
    return out;
  }

 private:
  void run(const std::string& sql, std::optional<std::string>* out) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path_.c_str(), &db) != SQLITE_OK) {
      sqlite3_close(db);
      throw std::runtime_error("cannot open " + path_);
    }
    sqlite3_busy_timeout(db, 10000);
    auto callback = [](void* target, int, char** values, char**) -> int {
      auto* result = static_cast<std::optional<std::string>*>(target);
      if (result != nullptr && !result->has_value() && values[0] != nullptr) *result = std::string(values[0]);
      return 0;
    };
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), callback, out, &error);
    std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("SQLite: " + sql + ": " + message);
  }

  std::filesystem::path dir_;
  std::string path_;
};

class SqliteMemoryDatabase final : public TestDatabase {
 public:
  [[nodiscard]] std::string url() const override { return ":memory:"; }
  [[nodiscard]] bool shared() const override { return false; }
  void execute_raw(const std::string&) override { throw std::logic_error("an in-memory database is private to its store"); }
  std::optional<std::string> scalar_raw(const std::string&) override {
    throw std::logic_error("an in-memory database is private to its store");
  }
};

// Runs SQL on a connection of its own and returns the first cell of the first row.
std::optional<std::string> pg_run(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to the test PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(conn, sql.c_str());
  const ExecStatusType status = PQresultStatus(result);
  std::optional<std::string> out;
  std::string message;
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQgetisnull(result, 0, 0) == 0) out = PQgetvalue(result, 0, 0);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) message = PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  if (!message.empty()) throw std::runtime_error("PostgreSQL: " + sql + ": " + message);
  return out;
}

// Each test gets a schema of its own, selected through the URL's search_path, and drops it after.
class PostgresSchemaDatabase final : public TestDatabase {
 public:
  explicit PostgresSchemaDatabase(std::string base_url) : base_url_(std::move(base_url)) {
    schema_ = "recall_contract_" + unique_suffix();
    pg_run(base_url_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
  }
  ~PostgresSchemaDatabase() override {
    try {
      pg_run(base_url_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    } catch (const std::exception&) {
      // The server may be the thing under test being unreachable; nothing more to clean.
    }
  }
  [[nodiscard]] std::string url() const override { return url_; }
  [[nodiscard]] bool shared() const override { return true; }
  void execute_raw(const std::string& sql) override { pg_run(url_, sql); }
  std::optional<std::string> scalar_raw(const std::string& sql) override { return pg_run(url_, sql); }

 private:
  std::string base_url_;
  std::string schema_;
  std::string url_;
};

}  // namespace

std::string backend_name(Backend backend) {
  switch (backend) {
    case Backend::sqlite_file: return "SqliteFile";
    case Backend::sqlite_memory: return "SqliteMemory";
    case Backend::postgresql: return "PostgreSQL";
  }
  return "unknown";
}

std::unique_ptr<TestDatabase> make_test_database(Backend backend, std::string& why) {
  switch (backend) {
    case Backend::sqlite_file: return std::make_unique<SqliteFileDatabase>();
    case Backend::sqlite_memory: return std::make_unique<SqliteMemoryDatabase>();
    case Backend::postgresql: {
      const char* url = std::getenv("RECALL_TEST_POSTGRES_URL");
      if (url == nullptr || *url == '\0') {
        why = "RECALL_TEST_POSTGRES_URL is not set; to run the PostgreSQL contract tests: "
              "export RECALL_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start)";
        return nullptr;
      }
      return std::make_unique<PostgresSchemaDatabase>(url);
    }
  }
  why = "unknown backend";
  return nullptr;
}

}  // namespace recall::contract
