#pragma once
// A petition's stored subtree hashes (table ledger_nodes) as a ledger::NodeSource, so the proof
// builder and nodes_to_append work on the database as they do on memory. nodes() asks for every id
// in one query: one round trip per proof on PostgreSQL, one statement on SQLite.
#include <cstdint>

#include "core/ledger/node_source.hpp"
#include "store/binary_columns.hpp"
#include "store/session.hpp"

namespace recall {

// The log size the view answers for is fixed at construction (the caller reads it, inside its
// transaction when appending); the table only grows, so the view stays true.
class SqlLedgerNodeSource final : public ledger::NodeSource {
 public:
  SqlLedgerNodeSource(Session& session, BinaryColumns binary, std::int64_t petition_id, std::uint64_t size)
      : session_(session), binary_(binary), petition_id_(petition_id), size_(size) {}

  [[nodiscard]] std::uint64_t size() const override { return size_; }
  [[nodiscard]] ledger::Hash node(ledger::NodeId id) const override;
  [[nodiscard]] std::vector<ledger::Hash> nodes(std::span<const ledger::NodeId> ids) const override;

 private:
  Session& session_;
  BinaryColumns binary_;
  std::int64_t petition_id_;
  std::uint64_t size_;
};

}  // namespace recall
