#include "core/ledger/merkle_log.hpp"

#include "core/ledger/proof_builder.hpp"

namespace recall::ledger {

std::uint64_t MerkleLog::append(ByteView leaf_data) { return nodes_.append(leaf_hash(leaf_data)); }

std::uint64_t MerkleLog::append_leaf_hash(const Hash& leaf_hash) { return nodes_.append(leaf_hash); }

Hash MerkleLog::leaf_hash_at(std::uint64_t leaf_index) const { return nodes_.node({0, leaf_index}); }

Hash MerkleLog::root() const { return ledger::root_at(nodes_, nodes_.size()); }

Hash MerkleLog::root_at(std::uint64_t tree_size) const { return ledger::root_at(nodes_, tree_size); }

std::vector<Hash> MerkleLog::inclusion_proof(std::uint64_t leaf_index, std::uint64_t tree_size) const {
  return ledger::inclusion_proof(nodes_, leaf_index, tree_size);
}

std::vector<Hash> MerkleLog::consistency_proof(std::uint64_t old_size, std::uint64_t new_size) const {
  return ledger::consistency_proof(nodes_, old_size, new_size);
}

}  // namespace recall::ledger
