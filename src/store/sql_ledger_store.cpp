#include "store/sql_ledger_store.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>

#include "core/base/error.hpp"
#include "core/ledger/append_plan.hpp"
#include "core/ledger/sodium.hpp"
#include "store/batch_insert.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_ledger_node_source.hpp"
#include "store/sql_ledger_queries.hpp"

namespace recall {

namespace {

constexpr std::array<std::string_view, 3> leaf_columns{"petition_id", "leaf_index", "leaf"};
constexpr std::array<std::string_view, 4> node_columns{"petition_id", "level", "node_index", "hash"};
constexpr std::array<std::string_view, 3> receipt_columns{"petition_id", "leaf_index", "nonce"};

// Each leaf must be a version-1 leaf of this petition: a leaf of another petition in this log would
// be published and signed as this petition's. Errors keep decode_leaf's octet (column) and field and
// add the leaf's position in the batch as the line. Returns the decoded leaves.
std::vector<LedgerLeaf> checked_leaves(std::int64_t petition_id, std::span<const LeafBytes> leaves) {
  std::vector<LedgerLeaf> out;
  out.reserve(leaves.size());
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    const int line = static_cast<int>(std::min<std::size_t>(i + 1, std::numeric_limits<int>::max()));
    LedgerLeaf leaf;
    try {
      leaf = decode_leaf(leaves[i]);
    } catch (const Error& error) {
      SourceLocation where = error.where().value_or(SourceLocation{"leaf", 0, 0, ""});
      where.line = line;
      throw Error(error.kind(), fmt::format("leaf {} of the batch: {}", i + 1, error.message()), where);
    }
    if (leaf.petition_id != static_cast<std::uint64_t>(petition_id)) {
      throw_invalid(fmt::format("leaf {} of the batch belongs to petition {}, not {}", i + 1, leaf.petition_id,
                                petition_id),
                    SourceLocation{"leaf", line, 3, "petition_id"});
    }
    out.push_back(leaf);
  }
  return out;
}

bool has_receipt(const LedgerLeaf& leaf) {
  return std::any_of(leaf.nonce.begin(), leaf.nonce.end(), [](std::uint8_t octet) { return octet != 0; });
}

std::int64_t as_sql_integer(std::uint64_t value, std::string_view what) {
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    throw_invalid(fmt::format("{} {} is too large", what, value));
  }
  return static_cast<std::int64_t>(value);
}

}  // namespace

SqlLedgerStore::SqlLedgerStore(Session& session, std::string_view backend)
    : session_(session),
      binary_(backend),
      insert_leaf_(binary_.insert_with_binary_last("ledger_leaves", leaf_columns)),
      insert_node_(binary_.insert_with_binary_last("ledger_nodes", node_columns)),
      insert_receipt_(binary_.insert_with_binary_last("ledger_receipts", receipt_columns)),
      insert_key_(fmt::format("INSERT INTO ledger_keys (petition_id, elector_key) VALUES ($1, {})"
                              " ON CONFLICT (petition_id) DO NOTHING",
                              binary_.param(2))),
      select_key_(fmt::format("SELECT {} FROM ledger_keys WHERE petition_id = $1", binary_.column("elector_key"))),
      select_leaves_(fmt::format("SELECT leaf_index, {} FROM ledger_leaves"
                                 " WHERE petition_id = $1 AND leaf_index >= $2 AND leaf_index < $3 ORDER BY leaf_index",
                                 binary_.column("leaf"))),
      select_receipt_(fmt::format("SELECT leaf_index FROM ledger_receipts WHERE petition_id = $1 AND nonce = {}",
                                  binary_.param(2))) {}

void SqlLedgerStore::lock_for_append(std::int64_t petition_id) {
  session_.with([&](SqlConnection& db) { db.lock_for_transaction(fmt::format("recall.ledger:{}", petition_id)); });
}

std::uint64_t SqlLedgerStore::append(std::int64_t petition_id, std::span<const LeafBytes> leaves) {
  const std::vector<LedgerLeaf> decoded = checked_leaves(petition_id, leaves);
  std::vector<ledger::Hash> leaf_hashes;
  leaf_hashes.reserve(leaves.size());
  for (const LeafBytes& leaf : leaves) leaf_hashes.push_back(ledger::leaf_hash(leaf));
  std::vector<std::size_t> with_receipt;  // positions in the batch of the leaves that carry a nonce
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    if (has_receipt(decoded[i])) with_receipt.push_back(i);
  }

  std::uint64_t first = 0;
  session_.transaction([&](SqlConnection& db) {
    // Before the frontier is read: a second appender waits here, then reads the frontier we wrote.
    db.lock_for_transaction(fmt::format("recall.ledger:{}", petition_id));
    require_petition(db, petition_id);
    const SqlLedgerNodeSource existing(session_, binary_, petition_id, stored_ledger_size(db, petition_id));
    first = existing.size();
    const std::vector<ledger::StoredNode> nodes = ledger::nodes_to_append(existing, leaf_hashes);

    insert_rows(db, {insert_leaf_.head, leaf_columns.size(), insert_leaf_.tail}, leaves.size(),
                [&](std::size_t i, SqlParams& out) {
                  out.emplace_back(petition_id);
                  out.emplace_back(as_sql_integer(first + i, "leaf index"));
                  out.push_back(binary_.value(leaves[i]));
                });
    insert_rows(db, {insert_node_.head, node_columns.size(), insert_node_.tail}, nodes.size(),
                [&](std::size_t i, SqlParams& out) {
                  out.emplace_back(petition_id);
                  out.emplace_back(std::int64_t{nodes[i].id.level});
                  out.emplace_back(as_sql_integer(nodes[i].id.index, "node index"));
                  out.push_back(binary_.value(nodes[i].hash));
                });
    try {
      insert_rows(db, {insert_receipt_.head, receipt_columns.size(), insert_receipt_.tail}, with_receipt.size(),
                  [&](std::size_t i, SqlParams& out) {
                    out.emplace_back(petition_id);
                    out.emplace_back(as_sql_integer(first + with_receipt[i], "leaf index"));
                    out.push_back(binary_.value(decoded[with_receipt[i]].nonce));
                  });
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::conflict) throw;
      // The primary key (petition, nonce): a receipt must name exactly one leaf. The whole append fails.
      throw Error(ErrorKind::conflict,
                  fmt::format("a receipt nonce of the batch is already in the ledger of petition {}", petition_id),
                  SourceLocation{"leaf", 0, 57, "nonce"});
    }
  });
  return first;
}

std::uint64_t SqlLedgerStore::size(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) { return stored_ledger_size(db, petition_id); });
}

std::unique_ptr<ledger::NodeSource> SqlLedgerStore::node_source(std::int64_t petition_id) {
  return std::make_unique<SqlLedgerNodeSource>(session_, binary_, petition_id, size(petition_id));
}

std::vector<LeafBytes> SqlLedgerStore::leaves(std::int64_t petition_id, std::uint64_t first, std::uint64_t count) {
  const std::int64_t begin = as_sql_integer(first, "first leaf");
  // Past the largest index a log can have, the range is simply cut short.
  const std::uint64_t room = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) - first;
  const auto end = static_cast<std::int64_t>(first + std::min(count, room));
  const SqlRows rows = session_.with(
      [&](SqlConnection& db) { return db.query(select_leaves_, {sql_int(petition_id), sql_int(begin), sql_int(end)}); });
  std::vector<LeafBytes> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].integer(0) != begin + static_cast<std::int64_t>(i)) {
      sql_fields::corrupt("ledger", fmt::format("petition {} has no leaf {}", petition_id, begin + static_cast<std::int64_t>(i)));
    }
    binary_.read(rows[i], 1, out[i], "ledger leaf");
  }
  return out;
}

std::optional<std::uint64_t> SqlLedgerStore::find_receipt(std::int64_t petition_id, const ReceiptNonce& nonce) {
  const SqlRows rows = session_.with(
      [&](SqlConnection& db) { return db.query(select_receipt_, {sql_int(petition_id), binary_.value(nonce)}); });
  if (rows.empty()) return std::nullopt;
  return static_cast<std::uint64_t>(rows[0].integer(0));
}

ElectorKey SqlLedgerStore::petition_key(std::int64_t petition_id) {
  ElectorKey key{};
  session_.transaction([&](SqlConnection& db) {
    SqlRows rows = db.query(select_key_, {sql_int(petition_id)});
    if (rows.empty()) {
      require_petition(db, petition_id);
      ledger::ensure_sodium();
      ElectorKey fresh{};
      randombytes_buf(fresh.data(), fresh.size());
      // DO NOTHING: if another transaction created the key first, its key is the one.
      db.execute(insert_key_, {sql_int(petition_id), binary_.value(fresh)});
      sodium_memzero(fresh.data(), fresh.size());
      rows = db.query(select_key_, {sql_int(petition_id)});
    }
    if (rows.empty()) sql_fields::corrupt("ledger", fmt::format("petition {} has no elector key after creating it", petition_id));
    binary_.read(rows[0], 0, key, "elector key");
  });
  return key;
}

}  // namespace recall
