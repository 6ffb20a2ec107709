#pragma once
// Hex and base64 as the transparency-log formats use them. Decoding is strict (canonical input only)
// because a checkpoint or key that can be written two ways could be signed once and shown twice.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/bytes.hpp"

namespace recall::ledger {

// Lowercase hex.
[[nodiscard]] std::string to_hex(ByteView bytes);
// Accepts upper or lower case; throws recall::Error (invalid_input) on odd length or a non-hex digit.
[[nodiscard]] std::vector<std::uint8_t> from_hex(std::string_view text);

// Standard alphabet (RFC 4648 section 4) with '=' padding.
[[nodiscard]] std::string to_base64(ByteView bytes);
// Rejects missing or misplaced padding, characters outside the alphabet (including whitespace and
// the URL-safe alphabet) and non-zero unused bits in the last character.
[[nodiscard]] std::vector<std::uint8_t> from_base64(std::string_view text);

}  // namespace recall::ledger
