#include "durability/raw_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <stdexcept>

namespace recall::durability {

namespace {

class SqliteFile final : public RawDatabase {
 public:
  explicit SqliteFile(const std::string& path) : path_(path) {
    // Read-write open, read-only use: a read-only connection cannot attach to a WAL database whose
    // shared-memory index it may need to rebuild after the server was killed.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string message = sqlite3_errmsg(db_);
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~SqliteFile() override { sqlite3_close(db_); }
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  std::vector<Row> rows(const std::string& sql) override {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error("SQLite: " + sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<Row> out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      Row row;
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* text = sqlite3_column_text(statement, i);
        row.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
      }
      out.push_back(std::move(row));
    }
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) throw std::runtime_error("SQLite: " + sql + ": " + message);
    return out;
  }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

class Postgres final : public RawDatabase {
 public:
  explicit Postgres(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("cannot connect to PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // "drop cascades to …" is no news
  }
  ~Postgres() override { PQfinish(conn_); }
  Postgres(const Postgres&) = delete;
  Postgres& operator=(const Postgres&) = delete;

  std::vector<Row> rows(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK && PQresultStatus(result) != PGRES_COMMAND_OK) {
      const std::string message = PQresultErrorMessage(result);
      PQclear(result);
      throw std::runtime_error("PostgreSQL: " + sql + ": " + message);
    }
    std::vector<Row> out;
    for (int r = 0; r < PQntuples(result); ++r) {
      Row row;
      for (int c = 0; c < PQnfields(result); ++c) row.emplace_back(PQgetvalue(result, r, c));
      out.push_back(std::move(row));
    }
    PQclear(result);
    return out;
  }

 private:
  PGconn* conn_;
};

}  // namespace

std::unique_ptr<RawDatabase> open_raw_database(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return std::make_unique<Postgres>(url);
  return std::make_unique<SqliteFile>(url);
}

}  // namespace recall::durability
