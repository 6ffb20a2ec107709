#pragma once
// The Set-Cookie header for the session. Every attribute is fixed here so no caller can weaken one:
// - the __Host- prefix makes browsers insist on Secure, Path=/ and no Domain, so a sibling subdomain
//   cannot plant or overwrite the cookie;
// - HttpOnly keeps it from scripts; Secure keeps it off plain HTTP;
// - SameSite=Lax rather than Strict: Strict drops the cookie when an officer follows a link from an
//   email or another site into the service and they would appear signed out; Lax still withholds it
//   from cross-site POSTs, which with the CSRF token is what protects state changes (GET never
//   changes state here).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recall {

inline constexpr std::string_view session_cookie_name = "__Host-recall-session";

// "Set-Cookie" value that stores `token` for max_age_seconds.
[[nodiscard]] std::string session_cookie(std::string_view token, std::int64_t max_age_seconds);

// "Set-Cookie" value that makes the browser forget the session (sign-out).
[[nodiscard]] std::string clear_session_cookie();

// The session token from a Cookie request header, if present and well formed.
[[nodiscard]] std::optional<std::string> session_token_from_cookie_header(std::string_view header);

}  // namespace recall
