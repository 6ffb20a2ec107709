#pragma once
// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash that an attacker who does not
// know the key cannot steer, so nobody can choose emails that collide in the duplicate set. The same
// function as libsodium's crypto_shorthash, written out here so the hot path hashes without a call
// into a shared library; the unit test checks the two agree.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace recall::public_petition {

using SipKey = std::array<std::uint8_t, 16>;

std::uint64_t siphash24(const SipKey& key, std::span<const std::uint8_t> message);
std::uint64_t siphash24(const SipKey& key, std::string_view message);

}  // namespace recall::public_petition
