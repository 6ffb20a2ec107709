#include "store/open_connection.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace recall {

std::unique_ptr<SqlConnection> open_connection(const std::string& url) {
  if (url.empty()) {
    throw Error(ErrorKind::invalid_input, "the database URL is empty: give a SQLite file path, \":memory:\" or postgresql://…",
                SourceLocation{"database URL", 0, 0, "url"});
  }
  if (is_postgres_url(url)) return std::make_unique<PostgresConnection>(url);
  if (url.find("://") != std::string::npos) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("unsupported database URL scheme in '{}': use postgresql://…, or a SQLite file path",
                            url.substr(0, url.find("://") + 3)),
                SourceLocation{"database URL", 0, 0, "url"});
  }
  return std::make_unique<SqliteConnection>(url);
}

std::span<const Migration> migrations_for(const SqlConnection& connection) {
  return connection.backend() == "sqlite" ? sqlite_migrations() : postgres_migrations();
}

}  // namespace recall
