#pragma once
// RFC 6962 hashing (section 2.1): SHA-256 with domain separation between leaves and interior nodes,
// so no leaf can be passed off as a node (second-preimage resistance of the tree).
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/ledger/bytes.hpp"

namespace recall::ledger {

inline constexpr std::size_t hash_size = 32;
using Hash = std::array<std::uint8_t, hash_size>;

// SHA-256 of the concatenation of parts (OpenSSL EVP), without building the concatenation.
[[nodiscard]] Hash sha256(std::initializer_list<ByteView> parts);
[[nodiscard]] inline Hash sha256(ByteView data) { return sha256({data}); }

// H(0x00 || data)
[[nodiscard]] Hash leaf_hash(ByteView data);
[[nodiscard]] inline Hash leaf_hash(std::string_view data) { return leaf_hash(as_bytes(data)); }
// H(0x01 || left || right)
[[nodiscard]] Hash node_hash(const Hash& left, const Hash& right);
// The root of the tree with no leaves: H("").
[[nodiscard]] const Hash& empty_root();

[[nodiscard]] std::string hash_to_hex(const Hash& hash);
// Throws recall::Error (invalid_input) unless text is exactly 64 hex digits.
[[nodiscard]] Hash hash_from_hex(std::string_view text);

}  // namespace recall::ledger
