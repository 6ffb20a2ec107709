#include "http/auth/cookies.hpp"

#include <fmt/format.h>

namespace recall::http {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (trim(pair.substr(0, equals)) == name) return std::string(trim(pair.substr(equals + 1)));
  }
  return std::nullopt;
}

std::string login_cookie(std::string_view token) {
  // Strict: the sign-in form is only ever posted from our own page.
  return fmt::format("{}={}; Max-Age={}; Path=/; Secure; HttpOnly; SameSite=Strict", login_cookie_name, token,
                     login_cookie_seconds);
}

}  // namespace recall::http
