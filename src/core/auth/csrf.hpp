#pragma once
// CSRF protection: a random token made at sign-in and stored with the session (not derived from the
// session token, so a leaked form field reveals nothing about the cookie). Every state-changing form
// carries it; the server compares it with the session's in constant time.
#include <string>
#include <string_view>

namespace recall {

[[nodiscard]] std::string new_csrf_token();

// Throws Error(forbidden, field "csrf_token") when the submitted token is missing or wrong.
void check_csrf(std::string_view session_token, std::string_view submitted);

}  // namespace recall
