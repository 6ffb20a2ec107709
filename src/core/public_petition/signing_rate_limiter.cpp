#include "core/public_petition/signing_rate_limiter.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

void check_bucket(const TokenBucketLimit& limit, std::string_view name) {
  if (limit.signatures < 1 || limit.per_seconds < 1) {
    throw_invalid(fmt::format("the {} limit needs at least one signature per at least one second", name),
                  SourceLocation{"", 0, 0, std::string(name)});
  }
}

double rate_of(const TokenBucketLimit& limit) {
  return static_cast<double>(limit.signatures) / static_cast<double>(limit.per_seconds);
}

double refill(double tokens, const TokenBucketLimit& limit, std::int64_t elapsed) {
  return std::min(static_cast<double>(limit.signatures),
                  tokens + rate_of(limit) * static_cast<double>(elapsed));
}

}  // namespace

void check_limits(const SigningRateLimits& limits) {
  check_bucket(limits.burst, "burst");
  check_bucket(limits.sustained, "sustained");
  if (limits.max_tracked < 1)
    throw_invalid("the limiter must track at least one address", SourceLocation{"", 0, 0, "max_tracked"});
  if (limits.ipv6_prefix < 1 || limits.ipv6_prefix > 128) {
    throw_invalid(fmt::format("the IPv6 prefix is 1 to 128 bits, not {}", limits.ipv6_prefix),
                  SourceLocation{"", 0, 0, "ipv6_prefix"});
  }
}

std::string_view to_string(RateVerdict verdict) {
  switch (verdict) {
    case RateVerdict::within_limits:
      return "within-limits";
    case RateVerdict::over_burst:
      return "over-burst";
    case RateVerdict::over_sustained:
      return "over-sustained";
  }
  return "within-limits";
}

std::size_t SigningRateLimiter::KeyHash::operator()(const Key& key) const noexcept {
  const std::uint64_t mixed = (key.high * 0x9E3779B97F4A7C15ULL) ^ (key.low * 0xC2B2AE3D27D4EB4FULL) ^
                              static_cast<std::uint64_t>(key.family);
  return static_cast<std::size_t>(mixed ^ (mixed >> 31));
}

SigningRateLimiter::SigningRateLimiter(Clock clock, SigningRateLimits limits)
    : clock_(std::move(clock)), limits_(limits), idle_after_(0) {
  check_limits(limits_);
  idle_after_ = std::max(limits_.burst.per_seconds, limits_.sustained.per_seconds);
}

SigningRateLimiter::Key SigningRateLimiter::key_for(const IpAddress& ip) const {
  const IpAddress network = ip.family() == IpAddress::Family::v6 ? ip.masked(limits_.ipv6_prefix) : ip;
  return Key{network.family(), network.high(), network.low()};
}

void SigningRateLimiter::forget_idle(std::int64_t now) {
  while (!by_recency_.empty()) {
    const auto found = entries_.find(by_recency_.back());
    if (now - found->second.seen_at < idle_after_) break;
    entries_.erase(found);
    by_recency_.pop_back();
  }
}

RateVerdict SigningRateLimiter::admit(const IpAddress& ip) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = clock_();
  forget_idle(now);
  const Key key = key_for(ip);
  auto found = entries_.find(key);
  if (found == entries_.end()) {
    by_recency_.push_front(key);
    found =
        entries_
            .emplace(key, Entry{static_cast<double>(limits_.burst.signatures),
                                static_cast<double>(limits_.sustained.signatures), now, by_recency_.begin()})
            .first;
    if (entries_.size() > limits_.max_tracked) {
      entries_.erase(by_recency_.back());
      by_recency_.pop_back();
    }
  } else {
    by_recency_.splice(by_recency_.begin(), by_recency_, found->second.in_order);
  }
  Entry& entry = found->second;
  // A clock that steps back is treated as no time passing.
  const std::int64_t elapsed = std::max<std::int64_t>(0, now - entry.seen_at);
  entry.burst_tokens = refill(entry.burst_tokens, limits_.burst, elapsed);
  entry.sustained_tokens = refill(entry.sustained_tokens, limits_.sustained, elapsed);
  entry.seen_at = std::max(entry.seen_at, now);
  if (entry.sustained_tokens < 1.0) return RateVerdict::over_sustained;
  if (entry.burst_tokens < 1.0) return RateVerdict::over_burst;
  entry.burst_tokens -= 1.0;
  entry.sustained_tokens -= 1.0;
  return RateVerdict::within_limits;
}

std::size_t SigningRateLimiter::tracked() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace recall::public_petition
