#pragma once
// Reading a named cookie from a Cookie header, and the short-lived cookie that protects the sign-in
// form itself from cross-site request forgery (there is no session to hold a CSRF token yet, so the
// form's token is checked against a cookie instead: a forger can post the form but cannot set the
// __Host- cookie, which only this origin over a secure context can).
#include <optional>
#include <string>
#include <string_view>

namespace recall::http {

inline constexpr std::string_view login_cookie_name = "__Host-recall-login";
inline constexpr long login_cookie_seconds = 60 * 60;

// The value of the first cookie called `name`, if any.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// "Set-Cookie" value carrying the sign-in form's token.
std::string login_cookie(std::string_view token);

}  // namespace recall::http
