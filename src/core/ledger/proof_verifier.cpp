#include "core/ledger/proof_verifier.hpp"

#include <exception>

namespace recall::ledger {

namespace {

bool lsb(std::uint64_t value) noexcept { return (value & 1) != 0; }

// "Right-shift both fn and sn equally until either LSB(fn) is set or fn is 0."
void skip_right_edge(std::uint64_t& fn, std::uint64_t& sn) noexcept {
  while (fn != 0 && !lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
}

// Hashing can only fail if OpenSSL cannot allocate; a verifier that cannot hash has verified nothing.
template <typename Check>
bool failing_closed(Check check) noexcept {
  try {
    return check();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

bool verify_inclusion(const Hash& leaf, std::uint64_t leaf_index, std::uint64_t tree_size,
                      std::span<const Hash> proof, const Hash& root) noexcept {
  return failing_closed([&] {
    if (leaf_index >= tree_size) return false;
    std::uint64_t fn = leaf_index;
    std::uint64_t sn = tree_size - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
      if (sn == 0) return false;
      if (lsb(fn) || fn == sn) {
        r = node_hash(p, r);
        if (!lsb(fn)) skip_right_edge(fn, sn);
      } else {
        r = node_hash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r == root;
  });
}

bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                        const Hash& new_root, std::span<const Hash> proof) noexcept {
  return failing_closed([&] {
    if (old_size > new_size) return false;
    if (old_size == new_size) return proof.empty() && old_root == new_root;
    if (old_size == 0) return proof.empty() && old_root == empty_root();
    if (proof.empty()) return false;

    // When the old tree is complete its root is the first node of the path, and the log leaves it out.
    const bool old_is_complete = (old_size & (old_size - 1)) == 0;
    std::size_t next = 0;
    const Hash& first = old_is_complete ? old_root : proof[next++];

    std::uint64_t fn = old_size - 1;
    std::uint64_t sn = new_size - 1;
    while (lsb(fn)) {
      fn >>= 1;
      sn >>= 1;
    }
    Hash fr = first;
    Hash sr = first;
    for (; next < proof.size(); ++next) {
      const Hash& c = proof[next];
      if (sn == 0) return false;
      if (lsb(fn) || fn == sn) {
        fr = node_hash(c, fr);
        sr = node_hash(c, sr);
        if (!lsb(fn)) skip_right_edge(fn, sn);
      } else {
        sr = node_hash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return fr == old_root && sr == new_root && sn == 0;
  });
}

}  // namespace recall::ledger
