#pragma once
// Multi-row INSERT in chunks of the connection's rows_per_insert(), so the same code is one reused
// single-row statement on SQLite and a few large round trips on PostgreSQL.
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "store/sql_connection.hpp"

namespace recall {

struct InsertShape {
  std::string_view head;    // "INSERT INTO parties (code, ordinal, name, colour) VALUES "
  std::size_t columns = 0;  // values per row
  std::string_view tail;    // "" or " ON CONFLICT (…) DO UPDATE SET …"
};

// How a long list is cut into statements: full chunks of `chunk`, then the remainder in falling
// powers of two, so a connection prepares at most ~log2(chunk) texts per statement shape (multi-row
// INSERTs here, IN (…) lists elsewhere).
std::vector<std::size_t> chunk_sizes(std::size_t count, std::size_t chunk);

// Calls `row(i, out)` for i in [0, count) to append row i's `columns` values to `out`.
void insert_rows(SqlConnection& db, const InsertShape& shape, std::size_t count,
                 const std::function<void(std::size_t, SqlParams&)>& row);

}  // namespace recall
