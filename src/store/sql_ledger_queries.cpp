#include "store/sql_ledger_queries.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

std::uint64_t stored_ledger_size(SqlConnection& db, std::int64_t petition_id) {
  const SqlRows rows = db.query(
      "SELECT leaf_index FROM ledger_leaves WHERE petition_id = $1 ORDER BY leaf_index DESC LIMIT 1",
      {sql_int(petition_id)});
  return rows.empty() ? 0 : static_cast<std::uint64_t>(rows[0].integer(0)) + 1;
}

void require_petition(SqlConnection& db, std::int64_t petition_id) {
  if (db.query("SELECT 1 FROM petitions WHERE id = $1", {sql_int(petition_id)}).empty()) {
    throw_not_found(fmt::format("no petition with id {}", petition_id));
  }
}

}  // namespace recall
