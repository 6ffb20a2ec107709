#pragma once
// Passwords: the rules a new one must meet, and argon2id hashing in libsodium's self-describing
// string format ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so the parameters travel with the hash.
//
// Cost: crypto_pwhash's INTERACTIVE limits (64 MiB, 2 passes), not MODERATE (256 MiB, 3 passes, about
// a second). Logins happen on the same two-core server that takes signatures; at MODERATE a handful
// of concurrent logins would take a gigabyte and stall the signing path, and an attacker could do
// that on purpose. INTERACTIVE is libsodium's recommendation for online logins; the login rate
// limiter, not hashing cost alone, stops online guessing, and the hashes are never published.
// Raising the limits later is safe: password_needs_rehash tells the login code to re-hash.
#include <cstddef>
#include <string>
#include <string_view>

namespace recall {

inline constexpr std::size_t min_password_length = 12;   // characters (UTF-8 code points)
inline constexpr std::size_t max_password_length = 256;  // bounds the work an attacker can ask for

// Throws Error(invalid_input, field "password") with a message a person can act on.
void check_password_rules(std::string_view password, std::string_view email);

// A fresh salt every call, so equal passwords give different strings.
[[nodiscard]] std::string hash_password(std::string_view password);

// Constant-time check; false (never throws) for a malformed stored hash.
[[nodiscard]] bool verify_password(const std::string& stored_hash, std::string_view password);

// True when the stored hash used other limits than the current ones (or is not argon2id).
[[nodiscard]] bool password_needs_rehash(const std::string& stored_hash);

}  // namespace recall
