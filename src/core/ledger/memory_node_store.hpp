#pragma once
// Every complete subtree hash, in memory, built as leaves arrive: an append writes the leaf and then
// one node for each subtree the leaf completes (amortised one node per append). Not synchronised: the
// one sequencer that appends must keep readers out while it does.
#include <cstdint>
#include <vector>

#include "core/ledger/node_source.hpp"

namespace recall::ledger {

class MemoryNodeStore final : public NodeSource {
 public:
  // Returns the new leaf's index.
  std::uint64_t append(const Hash& leaf_hash);
  // Room for this many leaves without reallocating (for bulk loads).
  void reserve(std::uint64_t leaves);

  [[nodiscard]] std::uint64_t size() const override;
  [[nodiscard]] Hash node(NodeId id) const override;

 private:
  std::vector<std::vector<Hash>> levels_;  // levels_[l][i] is the node (l, i)
};

}  // namespace recall::ledger
