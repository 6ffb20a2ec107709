#pragma once
// Random tokens for session cookies and CSRF fields, and how a session token is kept in the database.
#include <string>
#include <string_view>

namespace recall {

inline constexpr std::size_t token_bytes = 32;  // 256 bits from the OS random source

// 32 random bytes as unpadded base64url (43 characters), safe in a cookie, a URL and a form field.
[[nodiscard]] std::string new_random_token();

// What the database keeps instead of the token: lowercase hex SHA-256. A leaked sessions table then
// lets nobody sign in; no salt is needed because the token itself has 256 bits of entropy.
[[nodiscard]] std::string token_hash(std::string_view token);

// Whether `text` has the shape new_random_token() produces; lets callers refuse junk before hashing.
[[nodiscard]] bool looks_like_token(std::string_view text) noexcept;

// Compares in time that depends only on the lengths, so a guesser learns nothing from timing.
[[nodiscard]] bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace recall
