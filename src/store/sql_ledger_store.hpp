#pragma once
// LedgerStore over either backend, written once against SqlConnection (tables in migrations
// 0005_ledger and 0006_ledger_receipts). Leaves, subtree hashes and receipt nonces are written with
// multi-row INSERTs; reads of subtree hashes go through SqlLedgerNodeSource; checkpoints are checked
// against the stored log.
#include <string>

#include "store/binary_columns.hpp"
#include "store/ledger_store.hpp"
#include "store/session.hpp"

namespace recall {

class SqlLedgerStore final : public LedgerStore {
 public:
  SqlLedgerStore(Session& session, std::string_view backend);

  void lock_for_append(std::int64_t petition_id) override;
  std::uint64_t append(std::int64_t petition_id, std::span<const LeafBytes> leaves) override;
  std::uint64_t size(std::int64_t petition_id) override;
  std::unique_ptr<ledger::NodeSource> node_source(std::int64_t petition_id) override;
  std::vector<LeafBytes> leaves(std::int64_t petition_id, std::uint64_t first, std::uint64_t count) override;
  std::optional<std::uint64_t> find_receipt(std::int64_t petition_id, const ReceiptNonce& nonce) override;

  ElectorKey petition_key(std::int64_t petition_id) override;

  void add_checkpoint(std::int64_t petition_id, const StoredCheckpoint& checkpoint) override;
  std::optional<StoredCheckpoint> latest_checkpoint(std::int64_t petition_id) override;
  std::optional<StoredCheckpoint> checkpoint_at(std::int64_t petition_id, std::uint64_t tree_size) override;
  std::vector<StoredCheckpoint> list_checkpoints(std::int64_t petition_id) override;

 private:
  Session& session_;
  BinaryColumns binary_;
  BinaryColumns::InsertText insert_leaf_;
  BinaryColumns::InsertText insert_node_;
  BinaryColumns::InsertText insert_receipt_;
  std::string insert_key_;
  std::string select_key_;
  std::string select_leaves_;
  std::string select_receipt_;
};

}  // namespace recall
