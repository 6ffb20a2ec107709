#pragma once
// The secrets of online signing: the six-digit one-time code emailed to the elector, and the receipt
// that later proves their signature was counted.
#include <cstdint>
#include <string>
#include <string_view>

namespace recall {

inline constexpr std::int64_t one_time_code_lifetime_seconds = 15 * 60;
inline constexpr int one_time_code_max_failures = 5;  // the fifth wrong code burns it

// Six decimal digits, uniformly random from the OS source (libsodium), leading zeros kept: "004127".
[[nodiscard]] std::string new_one_time_code();
[[nodiscard]] bool is_one_time_code_shape(std::string_view text);  // exactly six ASCII digits
// What the store keeps instead of the code: lowercase hex SHA-256.
[[nodiscard]] std::string one_time_code_hash(std::string_view code);

// The receipt itself is the ledger leaf's nonce as receipt_code (core/petition/receipt.hpp) without
// hyphens (petition_ledger::online_receipt_text).
// "ABCD-EFGH-..." groups of four for display; the stored receipt has no hyphens.
[[nodiscard]] std::string group_receipt_code(std::string_view receipt);

}  // namespace recall
