#pragma once
// Storage of the petition ledgers (issue 4, ARCHITECTURE.md "The ledger"): per petition, the
// append-only RFC 6962 log of its 72-octet signing-event leaves (docs/ledger-format.md), every complete
// subtree hash (so proofs are read, not recomputed), the petition's secret elector key, and its
// signed checkpoints.
//
// Concurrency: appends to one petition must be serialised. Call lock_for_append first thing in the
// transaction that decides what to append (append takes the lock too, so a caller who forgets is
// still safe). On PostgreSQL it is a transaction-scoped advisory lock on the petition; on SQLite the
// write transaction (BEGIN IMMEDIATE) already excludes every other writer. Should two appenders race
// anyway, the primary keys on (petition, leaf index) and (petition, level, index) make the second
// fail with Error(conflict) rather than fork the log.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/ledger/node_source.hpp"
#include "core/petition/ledger_leaf.hpp"

namespace recall {

using LeafBytes = std::array<std::uint8_t, leaf_size>;

// A signed checkpoint as stored: the C2SP signed note of the log at tree_size.
struct StoredCheckpoint {
  std::uint64_t tree_size = 0;
  std::string signed_note;
  std::string created_at;  // "YYYY-MM-DDTHH:MM:SSZ", UTC

  bool operator==(const StoredCheckpoint&) const = default;
};

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  // Serialises appenders of this petition until the current transaction ends (see above). Outside a
  // transaction it protects nothing.
  virtual void lock_for_append(std::int64_t petition_id) = 0;

  // Appends the leaves in order and returns the index of the first (the log's size before). Joins
  // the caller's transaction, so a rollback there removes the leaves too. Error(not_found) for an
  // unknown petition; Error(invalid_input) naming the leaf (line = position in the batch, column =
  // octet + 1) for a leaf that does not decode or belongs to another petition.
  virtual std::uint64_t append(std::int64_t petition_id, std::span<const LeafBytes> leaves) = 0;

  // Leaves appended so far; 0 for a petition without a ledger.
  virtual std::uint64_t size(std::int64_t petition_id) = 0;

  // A view of the petition's stored subtree hashes for ledger::root_at, inclusion_proof and
  // consistency_proof. Its size is read once, here; the log only grows, so everything below that
  // size stays valid, and each nodes() call is one query. The view uses this store's connection and
  // must not outlive the store.
  virtual std::unique_ptr<ledger::NodeSource> node_source(std::int64_t petition_id) = 0;

  // Leaves [first, first + count) in index order, cut short at the end of the log.
  virtual std::vector<LeafBytes> leaves(std::int64_t petition_id, std::uint64_t first, std::uint64_t count) = 0;

  // The index of the leaf carrying this receipt nonce, if any. append() indexes every leaf whose nonce
  // is not all zeros; a nonce already in the petition's log makes the append fail with Error(conflict).
  virtual std::optional<std::uint64_t> find_receipt(std::int64_t petition_id, const ReceiptNonce& nonce) = 0;

  // The petition's secret HMAC key for elector hashes (core/petition/ledger_leaf.hpp): 32 random
  // octets created on first use, inside the caller's transaction if there is one, then the same for
  // ever. Error(not_found) for an unknown petition.
  virtual ElectorKey petition_key(std::int64_t petition_id) = 0;

  // Keeps a signed checkpoint. The note's text must be a checkpoint of checkpoint.tree_size whose root
  // is the stored log's root at that size: Error(invalid_input) naming "tree_size" or "signed_note"
  // otherwise (the signature is the caller's business: the store holds no verifier key).
  // Error(conflict) if the petition already has a checkpoint of that size.
  virtual void add_checkpoint(std::int64_t petition_id, const StoredCheckpoint& checkpoint) = 0;
  virtual std::optional<StoredCheckpoint> latest_checkpoint(std::int64_t petition_id) = 0;  // largest size
  virtual std::optional<StoredCheckpoint> checkpoint_at(std::int64_t petition_id, std::uint64_t tree_size) = 0;
  virtual std::vector<StoredCheckpoint> list_checkpoints(std::int64_t petition_id) = 0;  // by size
};

}  // namespace recall
