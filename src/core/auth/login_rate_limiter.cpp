#include "core/auth/login_rate_limiter.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

std::string account_key(std::string_view account) {
  std::string key = "account:";
  for (char c : account) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string ip_key(std::string_view ip) { return fmt::format("ip:{}", ip); }

}  // namespace

LoginRateLimiter::LoginRateLimiter(Clock clock, RateLimits limits)
    : clock_(std::move(clock)), limits_(limits) {
  if (limits_.max_failures < 1 || limits_.window_seconds < 1) {
    throw_invalid("rate limits need at least one failure and one second", SourceLocation{"", 0, 0, "limits"});
  }
}

void LoginRateLimiter::prune(Failures& failures, std::int64_t now) const {
  while (!failures.empty() && failures.front() + limits_.window_seconds <= now) failures.pop_front();
}

std::optional<std::int64_t> LoginRateLimiter::wait_for(const std::string& key, std::int64_t now) {
  auto found = failures_.find(key);
  if (found == failures_.end()) return std::nullopt;
  prune(found->second, now);
  if (found->second.empty()) {
    failures_.erase(found);  // keeps memory bounded by recent failures only
    return std::nullopt;
  }
  const auto count = static_cast<std::ptrdiff_t>(found->second.size());
  if (count < limits_.max_failures) return std::nullopt;
  // Attempts resume when enough failures have aged out to leave room for one more.
  const std::int64_t frees_at =
      found->second[static_cast<std::size_t>(count - limits_.max_failures)] + limits_.window_seconds;
  return std::max<std::int64_t>(1, frees_at - now);
}

std::optional<std::int64_t> LoginRateLimiter::retry_after(std::string_view account, std::string_view ip) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = clock_();
  const auto by_account = wait_for(account_key(account), now);
  const auto by_ip = wait_for(ip_key(ip), now);
  if (by_account && by_ip) return std::max(*by_account, *by_ip);
  return by_account ? by_account : by_ip;
}

void LoginRateLimiter::check(std::string_view account, std::string_view ip) {
  if (const auto wait = retry_after(account, ip)) {
    throw Error(ErrorKind::rate_limited,
                fmt::format("too many failed sign-in attempts; try again in {} seconds", *wait),
                SourceLocation{"form", 0, 0, "email"});
  }
}

void LoginRateLimiter::record_failure(std::string_view account, std::string_view ip) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = clock_();
  for (const std::string& key : {account_key(account), ip_key(ip)}) {
    Failures& failures = failures_[key];
    prune(failures, now);
    failures.push_back(now);
    // Older failures beyond the limit can never matter again.
    while (failures.size() > static_cast<std::size_t>(limits_.max_failures)) failures.pop_front();
  }
}

void LoginRateLimiter::record_success(std::string_view account) {
  std::lock_guard lock(mutex_);
  failures_.erase(account_key(account));
}

}  // namespace recall
