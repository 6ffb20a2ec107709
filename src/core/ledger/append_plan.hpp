#pragma once
// For stores that keep nodes elsewhere (a database table keyed by level and index): which rows to
// write to append a batch of leaves. Only the log's right frontier (one node per set bit of its
// size) is read, so a group commit of many leaves costs one small read and one bulk insert.
#include <span>
#include <vector>

#include "core/ledger/node_source.hpp"

namespace recall::ledger {

struct StoredNode {
  NodeId id;
  Hash hash{};

  friend bool operator==(const StoredNode&, const StoredNode&) = default;
};

// Each new leaf at level 0 and every subtree that the batch completes, in the order an appender
// would create them (a leaf, then the parents it completes). Leaves get indices from existing.size().
[[nodiscard]] std::vector<StoredNode> nodes_to_append(const NodeSource& existing, std::span<const Hash> leaf_hashes);

}  // namespace recall::ledger
