#include "store/sql_ledger_node_source.hpp"

#include <fmt/format.h>

#include <string>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"

namespace recall {

namespace {

using ledger::Hash;
using ledger::NodeId;

// SQLite: the ids as a VALUES list joined to the primary key; one statement text per id count (a
// proof asks for at most ~2 log2(n) nodes, so a handful of texts stay prepared). Measured against
// json_each and an OR chain in docs/performance.md.
std::string sqlite_lookup(std::size_t count) {
  std::string wanted;
  for (std::size_t i = 0; i < count; ++i) {
    wanted += fmt::format("{}(${}, ${})", i == 0 ? "" : ", ", 2 * i + 2, 2 * i + 3);
  }
  return fmt::format(
      "SELECT n.level, n.node_index, n.hash FROM (VALUES {}) AS wanted"
      " JOIN ledger_nodes n ON n.petition_id = $1 AND n.level = wanted.column1 AND n.node_index = wanted.column2",
      wanted);
}

// PostgreSQL: the ids as two arrays unnested side by side: one prepared statement for any count.
constexpr std::string_view postgres_lookup =
    "SELECT n.level, n.node_index, encode(n.hash, 'hex')"
    " FROM unnest($2::integer[], $3::bigint[]) AS wanted (level, node_index)"
    " JOIN ledger_nodes n ON n.petition_id = $1 AND n.level = wanted.level AND n.node_index = wanted.node_index";

std::string array_literal(std::span<const NodeId> ids, bool levels) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += levels ? std::to_string(ids[i].level) : std::to_string(ids[i].index);
  }
  out += '}';
  return out;
}

}  // namespace

Hash SqlLedgerNodeSource::node(NodeId id) const { return nodes(std::span<const NodeId>(&id, 1)).front(); }

std::vector<Hash> SqlLedgerNodeSource::nodes(std::span<const NodeId> ids) const {
  for (const NodeId& id : ids) {
    // index < size >> level, not end_leaf() <= size: no overflow for any level.
    if (id.level >= 64 || id.index >= (size_ >> id.level)) {
      throw_invalid(fmt::format("no complete subtree at level {} index {} in the ledger of petition {} ({} leaves)",
                                id.level, id.index, petition_id_, size_));
    }
  }
  if (ids.empty()) return {};

  const SqlRows rows = session_.with([&](SqlConnection& db) {
    SqlParams params{sql_int(petition_id_)};
    if (db.backend() == "postgresql") {
      params.emplace_back(array_literal(ids, true));
      params.emplace_back(array_literal(ids, false));
      return db.query(postgres_lookup, params);
    }
    params.reserve(1 + 2 * ids.size());
    for (const NodeId& id : ids) {
      params.emplace_back(std::int64_t{id.level});
      params.emplace_back(static_cast<std::int64_t>(id.index));
    }
    return db.query(sqlite_lookup(ids.size()), params);
  });

  // Rows come back in the join's order: put each hash where its id was asked for.
  std::vector<Hash> out(ids.size());
  std::vector<bool> found(ids.size(), false);
  for (const SqlRow& row : rows) {
    const NodeId id{static_cast<std::uint32_t>(row.integer(0)), static_cast<std::uint64_t>(row.integer(1))};
    Hash hash{};
    binary_.read(row, 2, hash, "ledger node hash");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == id) {
        out[i] = hash;
        found[i] = true;
      }
    }
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!found[i]) {
      sql_fields::corrupt("ledger", fmt::format("petition {} has {} leaves but no node at level {} index {}",
                                                petition_id_, size_, ids[i].level, ids[i].index));
    }
  }
  return out;
}

}  // namespace recall
