#pragma once
// Accounts on the web: turns the session cookie into a Visitor, signs people in and out. Sessions
// live in the store (only the SHA-256 of the cookie token), with the idle and absolute limits of
// core/auth/session_policy.hpp; failed sign-ins are slowed by core/auth/login_rate_limiter.hpp per
// account and per address. Every sign-in, failed sign-in and sign-out is written to the audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/auth/clock.hpp"
#include "core/auth/login_rate_limiter.hpp"
#include "core/auth/session_policy.hpp"
#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "store/store.hpp"

namespace recall::http {

class WebAuth {
 public:
  WebAuth(Store& store, Clock clock, SessionLimits limits = {}, RateLimits rate_limits = {});

  // The signed-in user behind the request's session cookie, or the public when there is none, it
  // has expired, or the account is disabled. Keeps the session alive (idle limit) as a side effect.
  Visitor visitor(const Request& request);

  struct SignIn {
    Visitor visitor;
    std::string set_cookie;  // the session cookie
  };
  // Throws Error(rate_limited) while the account or address is locked out, and
  // Error(unauthenticated) with one message for every other failure (unknown email, wrong password,
  // disabled account), so the answer does not tell which accounts exist.
  SignIn sign_in(std::string_view email, std::string_view password, const std::string& remote_address);

  // Ends the session; returns the Set-Cookie value that makes the browser forget it.
  std::string sign_out(const Visitor& visitor);

  // Seconds to wait before the next attempt for this email or address may go ahead.
  std::optional<std::int64_t> retry_after(std::string_view email, std::string_view remote_address);

  [[nodiscard]] const Clock& clock() const { return clock_; }

  // The public receipt check (routes/receipt_check_page.cpp) answers `receipt_checks_allowed` checks
  // per address in 15 minutes, counting every check whatever its answer, so nobody can try receipt
  // codes in bulk. Throws Error(rate_limited, field "code") once the address has used them up.
  static constexpr int receipt_checks_allowed = 30;
  void count_receipt_check(const std::string& remote_address);

 private:
  void audit(const Actor& actor, std::string action, std::string target, std::string detail);

  Store& store_;
  Clock clock_;
  SessionLimits limits_;
  LoginRateLimiter limiter_;
  LoginRateLimiter receipt_checks_;
};

inline constexpr std::string_view wrong_credentials_message = "Enter a correct email address and password";

}  // namespace recall::http
