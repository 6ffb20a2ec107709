#include "core/ledger/append_plan.hpp"

#include <bit>

namespace recall::ledger {

std::vector<StoredNode> nodes_to_append(const NodeSource& existing, std::span<const Hash> leaf_hashes) {
  // The frontier: the complete subtrees that make up the current tree, largest (leftmost) first.
  const std::uint64_t size = existing.size();
  std::vector<NodeId> frontier_ids;
  std::uint64_t covered = 0;
  for (int bit = 63; bit >= 0; --bit) {
    const std::uint64_t span = std::uint64_t{1} << bit;
    if ((size & span) == 0) continue;
    frontier_ids.push_back({static_cast<std::uint32_t>(bit), covered >> bit});
    covered += span;
  }
  const std::vector<Hash> frontier_hashes = existing.nodes(frontier_ids);
  std::vector<StoredNode> frontier;
  for (std::size_t i = 0; i < frontier_ids.size(); ++i) frontier.push_back({frontier_ids[i], frontier_hashes[i]});

  std::vector<StoredNode> out;
  out.reserve(leaf_hashes.size() * 2);
  std::uint64_t index = size;
  for (const Hash& leaf : leaf_hashes) {
    frontier.push_back({{0, index}, leaf});
    out.push_back(frontier.back());
    // Two trailing subtrees of equal height are siblings: merge them, as carrying in binary addition.
    while (frontier.size() >= 2 && frontier[frontier.size() - 2].id.level == frontier.back().id.level) {
      const StoredNode right = frontier.back();
      frontier.pop_back();
      StoredNode& left = frontier.back();
      left = {{left.id.level + 1, left.id.index >> 1}, node_hash(left.hash, right.hash)};
      out.push_back(left);
    }
    ++index;
  }
  return out;
}

}  // namespace recall::ledger
