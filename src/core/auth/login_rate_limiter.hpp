#pragma once
// Slows password guessing: after `max_failures` failed logins within `window_seconds`, for one account
// or from one IP address, further attempts are refused until the oldest of those failures leaves the
// window. Counting per account stops a slow guess at one officer's password from many addresses;
// counting per IP stops one address trying a common password on many accounts. In memory: a
// restart forgets, which costs an attacker nothing they could not get by waiting 15 minutes.
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/auth/clock.hpp"

namespace recall {

struct RateLimits {
  int max_failures = 5;
  std::int64_t window_seconds = 15 * 60;
};

class LoginRateLimiter {
 public:
  explicit LoginRateLimiter(Clock clock, RateLimits limits = {});

  // nullopt when an attempt may go ahead; otherwise the seconds to wait (for Retry-After).
  [[nodiscard]] std::optional<std::int64_t> retry_after(std::string_view account, std::string_view ip);

  // Throws Error(rate_limited) whose message gives the wait, when retry_after has a value.
  void check(std::string_view account, std::string_view ip);

  void record_failure(std::string_view account, std::string_view ip);
  // A correct password clears the account's failures; the IP's stay, so one known password does
  // not reset a spray from that address.
  void record_success(std::string_view account);

 private:
  using Failures = std::deque<std::int64_t>;
  std::optional<std::int64_t> wait_for(const std::string& key, std::int64_t now);
  void prune(Failures& failures, std::int64_t now) const;

  Clock clock_;
  RateLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;  // "account:<email>" or "ip:<address>"
};

}  // namespace recall
