#include "core/auth/csrf.hpp"

#include "core/auth/token.hpp"
#include "core/base/error.hpp"

namespace recall {

std::string new_csrf_token() { return new_random_token(); }

void check_csrf(std::string_view session_token, std::string_view submitted) {
  if (submitted.empty()) {
    throw Error(ErrorKind::forbidden, "the form has no CSRF token; reload the page and try again",
                SourceLocation{"form", 0, 0, "csrf_token"});
  }
  if (session_token.empty() || !constant_time_equal(session_token, submitted)) {
    throw Error(ErrorKind::forbidden, "the form's CSRF token does not match this session; reload the page",
                SourceLocation{"form", 0, 0, "csrf_token"});
  }
}

}  // namespace recall
