#pragma once
// Roots and proofs of any tree size up to the log's, computed from complete-subtree hashes as
// RFC 6962 sections 2.1.1 (audit paths) and 2.1.2 (consistency proofs) define them. Each call reads
// O(log n) nodes, in one NodeSource::nodes batch.
#include <cstdint>
#include <vector>

#include "core/ledger/node_source.hpp"

namespace recall::ledger {

// The Merkle tree hash of the first tree_size leaves; empty_root() for 0. Throws recall::Error
// (invalid_input) if tree_size exceeds source.size().
[[nodiscard]] Hash root_at(const NodeSource& source, std::uint64_t tree_size);

// The audit path for leaf_index in the tree of the first tree_size leaves, nearest the leaf first.
// Throws recall::Error (invalid_input) unless leaf_index < tree_size <= source.size().
[[nodiscard]] std::vector<Hash> inclusion_proof(const NodeSource& source, std::uint64_t leaf_index,
                                                std::uint64_t tree_size);

// The proof that the tree of old_size leaves is a prefix of the tree of new_size leaves. Empty when
// old_size is 0 or equals new_size. Throws recall::Error (invalid_input) unless
// old_size <= new_size <= source.size().
[[nodiscard]] std::vector<Hash> consistency_proof(const NodeSource& source, std::uint64_t old_size,
                                                  std::uint64_t new_size);

}  // namespace recall::ledger
