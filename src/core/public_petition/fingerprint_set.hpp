#pragma once
// "Has this person already signed this petition?" answered from memory, on the hot path, before a
// signature is buffered. Each (petition, canonical email) becomes a 64-bit keyed fingerprint
// (SipHash-2-4, key random per process, so the set is rebuilt from the store at start); the set is a
// flat open-addressing table of those fingerprints with linear probing, at most 3/4 full (3/8 after it
// doubles): 8 bytes a slot, 11 to 22 bytes a signature (16.8 at 1 million, 13.4 at 10 million), against 100
// allowed (issue 5). While it doubles, the old table is held too: `reserve` at start avoids that.
// One set can hold every petition, as the petition id is inside the fingerprint.
//
// A "no" is certain; a "yes" is wrong with odds about n / 2^64 (10 million signatures: 1 in 10^12)
// and the database's unique index on (petition, canonical email) stays the rule: this set only keeps
// the duplicates of a surge away from the database. Not thread-safe: the intake sequencer owns it.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/public_petition/siphash.hpp"

namespace recall::public_petition {

std::uint64_t signature_fingerprint(const SipKey& key, std::int64_t petition_id,
                                    std::string_view canonical_email);

class FingerprintSet {
 public:
  FingerprintSet() = default;

  // True when it was not there before.
  bool insert(std::uint64_t fingerprint);
  [[nodiscard]] bool contains(std::uint64_t fingerprint) const;
  // True when it was there (a pending signature that expired, say).
  bool erase(std::uint64_t fingerprint);
  // Room for `count` fingerprints without growing (at start, before loading the store's).
  void reserve(std::size_t count);
  void clear();

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t capacity() const { return slots_.size(); }
  // The memory this set holds, the table included.
  [[nodiscard]] std::size_t bytes_used() const {
    return sizeof(*this) + slots_.capacity() * sizeof(std::uint64_t);
  }

 private:
  // 0 marks an empty slot, so a fingerprint of 0 is stored as 1 (one more value in 2^64 collides).
  static std::uint64_t stored(std::uint64_t fingerprint) { return fingerprint == 0 ? 1 : fingerprint; }
  [[nodiscard]] std::size_t mask() const { return slots_.size() - 1; }
  void rehash(std::size_t slot_count);
  void place(std::uint64_t value);  // into a table known to have room and not to hold it

  std::vector<std::uint64_t> slots_;  // a power of two in size, or empty
  std::size_t size_ = 0;
};

}  // namespace recall::public_petition
