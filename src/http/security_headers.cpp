#include "http/security_headers.hpp"

namespace recall::http {

const std::vector<std::pair<std::string_view, std::string_view>>& security_headers() {
  // Scripts and styles come only from our own /assets/ files: no inline code, so an injected
  // <script> or style attribute does nothing even if escaping ever failed.
  static const std::vector<std::pair<std::string_view, std::string_view>> headers{
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Frame-Options", "DENY"},
  };
  return headers;
}

}  // namespace recall::http
