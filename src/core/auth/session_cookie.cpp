#include "core/auth/session_cookie.hpp"

#include <fmt/format.h>

#include "core/auth/token.hpp"
#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr std::string_view attributes = "; Path=/; Secure; HttpOnly; SameSite=Lax";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string session_cookie(std::string_view token, std::int64_t max_age_seconds) {
  if (!looks_like_token(token)) {
    throw Error(ErrorKind::internal, "refusing to put a malformed session token in a cookie",
                SourceLocation{"", 0, 0, "token"});
  }
  if (max_age_seconds <= 0)
    throw_invalid("a session cookie needs a positive Max-Age", SourceLocation{"", 0, 0, "max_age"});
  return fmt::format("{}={}; Max-Age={}{}", session_cookie_name, token, max_age_seconds, attributes);
}

std::string clear_session_cookie() {
  return fmt::format("{}=; Max-Age=0{}", session_cookie_name, attributes);
}

std::optional<std::string> session_token_from_cookie_header(std::string_view header) {
  // Cookie: a=1; b=2. The first cookie with our name wins, as browsers send the most specific first.
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (trim(pair.substr(0, equals)) != session_cookie_name) continue;
    const std::string_view value = trim(pair.substr(equals + 1));
    if (!looks_like_token(value)) return std::nullopt;
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace recall
