#include "core/public_petition/fingerprint_set.hpp"

#include <algorithm>
#include <array>

namespace recall::public_petition {

namespace {

constexpr std::size_t min_slots = 16;

// Grow before the table is more than 3/4 full: linear probing stays short (about 8 probes for a miss
// at the worst load, 2 on average) and the table costs at most 8 / 0.375 = 21 bytes a fingerprint
// just after it doubles.
bool over_load(std::size_t count, std::size_t slots) { return count * 4 > slots * 3; }

std::size_t slots_for(std::size_t count) {
  std::size_t slots = min_slots;
  while (over_load(count, slots)) slots *= 2;
  return slots;
}

}  // namespace

std::uint64_t signature_fingerprint(const SipKey& key, std::int64_t petition_id,
                                    std::string_view canonical_email) {
  // Petition id, little-endian, then the email: a fixed-length prefix keeps the encoding unambiguous.
  // Built on the stack (an address is at most 254 characters), so the hot path does not allocate.
  std::array<std::uint8_t, 8 + 256> stack{};
  std::vector<std::uint8_t> heap;
  const std::size_t length = 8 + canonical_email.size();
  std::uint8_t* message = stack.data();
  if (length > stack.size()) {
    heap.resize(length);
    message = heap.data();
  }
  const auto id = static_cast<std::uint64_t>(petition_id);
  for (std::size_t i = 0; i < 8; ++i) message[i] = static_cast<std::uint8_t>((id >> (8 * i)) & 0xFF);
  std::copy(canonical_email.begin(), canonical_email.end(), message + 8);
  return siphash24(key, std::span<const std::uint8_t>(message, length));
}

void FingerprintSet::place(std::uint64_t value) {
  std::size_t at = value & mask();
  while (slots_[at] != 0) at = (at + 1) & mask();
  slots_[at] = value;
}

void FingerprintSet::rehash(std::size_t slot_count) {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(slot_count, 0);
  for (const std::uint64_t value : old) {
    if (value != 0) place(value);
  }
}

bool FingerprintSet::insert(std::uint64_t fingerprint) {
  if (slots_.empty()) slots_.assign(min_slots, 0);
  const std::uint64_t value = stored(fingerprint);
  std::size_t at = value & mask();
  while (slots_[at] != 0) {
    if (slots_[at] == value) return false;
    at = (at + 1) & mask();
  }
  if (over_load(size_ + 1, slots_.size())) {
    rehash(slots_.size() * 2);
    place(value);
  } else {
    slots_[at] = value;
  }
  ++size_;
  return true;
}

bool FingerprintSet::contains(std::uint64_t fingerprint) const {
  if (slots_.empty()) return false;
  const std::uint64_t value = stored(fingerprint);
  for (std::size_t at = value & mask(); slots_[at] != 0; at = (at + 1) & mask()) {
    if (slots_[at] == value) return true;
  }
  return false;
}

bool FingerprintSet::erase(std::uint64_t fingerprint) {
  if (slots_.empty()) return false;
  const std::uint64_t value = stored(fingerprint);
  std::size_t hole = value & mask();
  while (slots_[hole] != value) {
    if (slots_[hole] == 0) return false;
    hole = (hole + 1) & mask();
  }
  // Backward-shift deletion: pull later members of the run into the hole when their home slot
  // allows it, so lookups never need tombstones.
  slots_[hole] = 0;
  for (std::size_t next = (hole + 1) & mask(); slots_[next] != 0; next = (next + 1) & mask()) {
    const std::size_t home = slots_[next] & mask();
    const bool home_in_gap = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
    if (home_in_gap) continue;
    slots_[hole] = slots_[next];
    slots_[next] = 0;
    hole = next;
  }
  --size_;
  return true;
}

void FingerprintSet::reserve(std::size_t count) {
  const std::size_t wanted = slots_for(count);
  if (wanted > slots_.size()) rehash(wanted);
}

void FingerprintSet::clear() {
  std::vector<std::uint64_t>().swap(slots_);
  size_ = 0;
}

}  // namespace recall::public_petition
