#include "store/open_connection.hpp"
#include "store/sql_store.hpp"
#include "store/store.hpp"

namespace recall {

std::unique_ptr<Store> open_store(const std::string& url) {
  auto connection = open_connection(url);
  const auto migrations = migrations_for(*connection);
  return std::make_unique<SqlStore>(std::move(connection), migrations);
}

}  // namespace recall
