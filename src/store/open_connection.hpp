#pragma once
// Picks the backend from a database URL, as open_store does, without migrating: for open_store
// itself and for tests of the migration runner.
#include <memory>
#include <span>
#include <string>

#include "store/migration.hpp"
#include "store/sql_connection.hpp"

namespace recall {

// Throws Error(invalid_input) for an empty URL or an unknown scheme, or what the backend throws.
std::unique_ptr<SqlConnection> open_connection(const std::string& url);

// The embedded migrations for a connection's backend.
std::span<const Migration> migrations_for(const SqlConnection& connection);

}  // namespace recall
