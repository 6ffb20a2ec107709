#pragma once
// Where proofs get their hashes from. A log keeps the hash of every complete subtree (a perfect
// binary tree of 2^level leaves starting at a multiple of 2^level); the root of any size and any
// inclusion or consistency proof is a combination of O(log n) of them. Keeping them in a database
// table keyed by (level, index) lets a 10-million-leaf log answer proofs without recomputing anything.
#include <compare>
#include <cstdint>
#include <span>
#include <vector>

#include "core/ledger/hash.hpp"

namespace recall::ledger {

// The complete subtree covering leaves [index * 2^level, (index + 1) * 2^level). Level 0 is a leaf.
struct NodeId {
  std::uint32_t level = 0;
  std::uint64_t index = 0;

  [[nodiscard]] std::uint64_t first_leaf() const noexcept { return index << level; }
  [[nodiscard]] std::uint64_t end_leaf() const noexcept { return (index + 1) << level; }
  friend auto operator<=>(const NodeId&, const NodeId&) = default;
};

class NodeSource {
 public:
  virtual ~NodeSource() = default;

  // Number of leaves appended; every complete subtree within them can be read.
  [[nodiscard]] virtual std::uint64_t size() const = 0;
  // Throws recall::Error if the subtree is not complete within size().
  [[nodiscard]] virtual Hash node(NodeId id) const = 0;
  // All the nodes one proof needs, asked for together so a database answers in one query; the
  // hashes come back in the order of ids. The default reads them one by one.
  [[nodiscard]] virtual std::vector<Hash> nodes(std::span<const NodeId> ids) const;
};

}  // namespace recall::ledger
