#pragma once
// Proof verification as RFC 9162 sections 2.1.3.2 and 2.1.4.2 specify it: bit arithmetic on the
// index and sizes, sharing no code with proof_builder (which follows the recursive definitions of
// RFC 6962), so a mistake in one shows up as a failure in the other. Verification failures are
// answers, not errors: these return false and never throw.
#include <cstdint>
#include <span>

#include "core/ledger/hash.hpp"

namespace recall::ledger {

// True if proof shows the leaf whose leaf hash is given sits at leaf_index in the tree of
// tree_size leaves whose root is root.
[[nodiscard]] bool verify_inclusion(const Hash& leaf, std::uint64_t leaf_index, std::uint64_t tree_size,
                                    std::span<const Hash> proof, const Hash& root) noexcept;

// True if proof shows the tree of old_size leaves with root old_root is a prefix of the tree of
// new_size leaves with root new_root. Equal sizes need an empty proof and equal roots; an old size
// of 0 needs an empty proof and old_root equal to empty_root().
[[nodiscard]] bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                                      const Hash& new_root, std::span<const Hash> proof) noexcept;

}  // namespace recall::ledger
