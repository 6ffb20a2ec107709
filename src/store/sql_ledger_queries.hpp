#pragma once
// Small queries the ledger store's parts share.
#include <cstdint>

#include "store/sql_connection.hpp"

namespace recall {

// The petition's log size: one index probe for its last leaf (never a count over millions of rows).
std::uint64_t stored_ledger_size(SqlConnection& db, std::int64_t petition_id);

// Error(not_found) unless the petition exists: a clearer answer than the foreign key's conflict.
void require_petition(SqlConnection& db, std::int64_t petition_id);

}  // namespace recall
