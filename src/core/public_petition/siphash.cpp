#include "core/public_petition/siphash.hpp"

#include <bit>

namespace recall::public_petition {

namespace {

std::uint64_t load_le64(const std::uint8_t* bytes, std::size_t count) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < count; ++i) value |= std::uint64_t{bytes[i]} << (8 * i);
  return value;
}

struct State {
  std::uint64_t v0, v1, v2, v3;

  void round() {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }

  void absorb(std::uint64_t block) {
    v3 ^= block;
    round();
    round();
    v0 ^= block;
  }
};

}  // namespace

std::uint64_t siphash24(const SipKey& key, std::span<const std::uint8_t> message) {
  const std::uint64_t k0 = load_le64(key.data(), 8);
  const std::uint64_t k1 = load_le64(key.data() + 8, 8);
  // The initial constants spell "somepseudorandomlygeneratedbytes".
  State state{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL,
              k1 ^ 0x7465646279746573ULL};
  const std::size_t whole = message.size() / 8 * 8;
  for (std::size_t at = 0; at < whole; at += 8) state.absorb(load_le64(message.data() + at, 8));
  // The last block carries the leftover bytes and the message length in its top byte.
  const std::uint64_t last = load_le64(message.data() + whole, message.size() - whole) |
                             (static_cast<std::uint64_t>(message.size()) << 56);
  state.absorb(last);
  state.v2 ^= 0xFF;
  for (int i = 0; i < 4; ++i) state.round();
  return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
}

std::uint64_t siphash24(const SipKey& key, std::string_view message) {
  return siphash24(key, std::span(reinterpret_cast<const std::uint8_t*>(message.data()), message.size()));
}

}  // namespace recall::public_petition
