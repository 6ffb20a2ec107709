#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"

namespace recall {

std::unique_ptr<Store> open_store(const std::string& url) {
  if (url.empty()) {
    throw Error(ErrorKind::invalid_input, "the database URL is empty: give a SQLite file path, \":memory:\" or postgresql://…",
                SourceLocation{"database URL", 0, 0, "url"});
  }
  if (is_postgres_url(url)) {
    return std::make_unique<SqlStore>(std::make_unique<PostgresConnection>(url), postgres_migrations());
  }
  if (url.find("://") != std::string::npos) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("unsupported database URL scheme in '{}': use postgresql://…, or a SQLite file path",
                            url.substr(0, url.find("://") + 3)),
                SourceLocation{"database URL", 0, 0, "url"});
  }
  return std::make_unique<SqlStore>(std::make_unique<SqliteConnection>(url), sqlite_migrations());
}

}  // namespace recall
