#pragma once
// Deterministic test data for the ledger suites, and a reference Merkle tree hash written straight
// from the RFC 6962 definition (recursion over leaf hashes, no stored nodes) to check the log against.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "core/ledger/hash.hpp"
#include "core/ledger/merkle_log.hpp"

namespace recall::ledger::testing {

// Leaves of pseudo-random length (0..47 bytes) and content, the same on every run and platform.
inline std::vector<std::vector<std::uint8_t>> make_leaves(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::vector<std::uint8_t>> leaves(count);
  for (auto& leaf : leaves) {
    leaf.resize(random() % 48);
    for (auto& byte : leaf) byte = static_cast<std::uint8_t>(random());
  }
  return leaves;
}

// MTH(D[n]) of RFC 6962 section 2.1, computed from scratch.
inline Hash reference_root(std::span<const Hash> leaf_hashes) {
  if (leaf_hashes.empty()) return empty_root();
  if (leaf_hashes.size() == 1) return leaf_hashes.front();
  std::size_t k = 1;
  while (k * 2 < leaf_hashes.size()) k *= 2;
  return node_hash(reference_root(leaf_hashes.first(k)), reference_root(leaf_hashes.subspan(k)));
}

}  // namespace recall::ledger::testing
