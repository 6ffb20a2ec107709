#include "core/ledger/memory_node_store.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::ledger {

std::uint64_t MemoryNodeStore::append(const Hash& leaf_hash) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf_hash);
  const std::uint64_t leaf_index = levels_[0].size() - 1;
  // A node with an odd index is a right child: its parent has just become complete.
  std::uint64_t index = leaf_index;
  for (std::size_t level = 0; (index & 1) != 0; ++level, index >>= 1) {
    const Hash parent = node_hash(levels_[level][index - 1], levels_[level][index]);
    if (levels_.size() == level + 1) levels_.emplace_back();
    levels_[level + 1].push_back(parent);
  }
  return leaf_index;
}

void MemoryNodeStore::reserve(std::uint64_t leaves) {
  std::size_t level = 0;
  for (std::uint64_t count = leaves; count > 0; count >>= 1, ++level) {
    if (levels_.size() <= level) levels_.emplace_back();
    levels_[level].reserve(count);
  }
}

std::uint64_t MemoryNodeStore::size() const { return levels_.empty() ? 0 : levels_[0].size(); }

Hash MemoryNodeStore::node(NodeId id) const {
  if (id.level >= levels_.size() || id.index >= levels_[id.level].size()) {
    throw Error(ErrorKind::not_found,
                fmt::format("no complete subtree at level {} index {} in a log of {} leaves", id.level, id.index,
                            size()));
  }
  return levels_[id.level][id.index];
}

}  // namespace recall::ledger
