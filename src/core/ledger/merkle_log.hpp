#pragma once
// An append-only RFC 6962 log held in memory: append leaves, then ask for the root, inclusion
// proofs and consistency proofs of the current size or any earlier one.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ledger/memory_node_store.hpp"

namespace recall::ledger {

class MerkleLog {
 public:
  // Each returns the new leaf's index.
  std::uint64_t append(ByteView leaf_data);
  std::uint64_t append(std::string_view leaf_data) { return append(as_bytes(leaf_data)); }
  std::uint64_t append_leaf_hash(const Hash& leaf_hash);
  void reserve(std::uint64_t leaves) { nodes_.reserve(leaves); }

  [[nodiscard]] std::uint64_t size() const { return nodes_.size(); }
  // Throws recall::Error (not_found) if there is no such leaf.
  [[nodiscard]] Hash leaf_hash_at(std::uint64_t leaf_index) const;
  [[nodiscard]] Hash root() const;
  [[nodiscard]] Hash root_at(std::uint64_t tree_size) const;
  [[nodiscard]] std::vector<Hash> inclusion_proof(std::uint64_t leaf_index, std::uint64_t tree_size) const;
  [[nodiscard]] std::vector<Hash> consistency_proof(std::uint64_t old_size, std::uint64_t new_size) const;

  // The complete-subtree hashes, for anyone copying the log into other storage.
  [[nodiscard]] const NodeSource& nodes() const noexcept { return nodes_; }

 private:
  MemoryNodeStore nodes_;
};

}  // namespace recall::ledger
