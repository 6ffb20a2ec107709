#pragma once
// The byte views the ledger works in: hashing, signing and encoding all take raw octets.
#include <cstdint>
#include <span>
#include <string_view>

namespace recall::ledger {

using ByteView = std::span<const std::uint8_t>;

// Text is hashed and signed as its UTF-8 octets, so a string is viewed as bytes without copying.
inline ByteView as_bytes(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace recall::ledger
