#pragma once
// How fast one network may sign, as two token buckets per address: a burst bucket (default 5 per 10
// seconds) and a sustained one (default 30 an hour). A signature that finds a token in both is
// within limits and takes one from each; one that does not is over the limit. Over the limit is a
// classification, never a refusal: the signature is kept as suspect and not counted until a
// moderator clears it (signature_screening.hpp), because a university or a mobile network can put
// thousands of honest signers behind one address.
//
// IPv6 is limited per /64 by default (one household or phone gets a whole /64, so per-address limits
// would be no limit). Memory is bounded: addresses idle long enough for both buckets to refill are
// the same as unseen and are dropped, and past `max_tracked` the least recently seen is dropped,
// forgetting its debt (the cost of a hard bound; the block list is the tool for a persistent flood).
// Thread-safe.
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

#include "core/auth/clock.hpp"
#include "core/public_petition/ip_address.hpp"

namespace recall::public_petition {

struct TokenBucketLimit {
  int signatures = 5;
  std::int64_t per_seconds = 10;

  bool operator==(const TokenBucketLimit&) const = default;
};

struct SigningRateLimits {
  TokenBucketLimit burst{5, 10};
  TokenBucketLimit sustained{30, 3600};
  std::size_t max_tracked = 200'000;  // addresses remembered at once
  int ipv6_prefix = 64;               // IPv6 addresses are limited per network of this length

  bool operator==(const SigningRateLimits&) const = default;
};
// Throws Error(invalid_input) naming the setting.
void check_limits(const SigningRateLimits& limits);

enum class RateVerdict { within_limits, over_burst, over_sustained };
std::string_view to_string(RateVerdict verdict);  // "within-limits", "over-burst", "over-sustained"

class SigningRateLimiter {
 public:
  explicit SigningRateLimiter(Clock clock, SigningRateLimits limits = {});

  // Classifies one signature from `ip` and, when within limits, takes its tokens.
  RateVerdict admit(const IpAddress& ip);
  [[nodiscard]] std::size_t tracked() const;
  [[nodiscard]] const SigningRateLimits& limits() const { return limits_; }

 private:
  struct Key {
    IpAddress::Family family;
    std::uint64_t high;
    std::uint64_t low;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };
  struct Entry {
    double burst_tokens;
    double sustained_tokens;
    std::int64_t seen_at;
    std::list<Key>::iterator in_order;
  };

  [[nodiscard]] Key key_for(const IpAddress& ip) const;
  void forget_idle(std::int64_t now);

  Clock clock_;
  SigningRateLimits limits_;
  std::int64_t idle_after_;  // seconds after which both buckets are full again
  mutable std::mutex mutex_;
  std::list<Key> by_recency_;  // most recently seen first
  std::unordered_map<Key, Entry, KeyHash> entries_;
};

}  // namespace recall::public_petition
