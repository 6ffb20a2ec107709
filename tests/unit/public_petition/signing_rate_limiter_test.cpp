#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/public_petition/signature_screening.hpp"
#include "core/public_petition/signing_rate_limiter.hpp"

namespace recall::public_petition {
namespace {

IpAddress ip(std::string_view text) { return parse_ip_address(text); }

class SigningRateLimiterTest : public ::testing::Test {
 protected:
  std::int64_t now_ = 1'553'000'000;  // March 2019
  Clock clock_ = [this] { return now_; };
};

TEST_F(SigningRateLimiterTest, ABurstOfFiveThenSuspect) {
  SigningRateLimiter limiter(clock_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits) << i;
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::over_burst);
  EXPECT_EQ(limiter.admit(ip("192.0.2.2")), RateVerdict::within_limits)
      << "another address has its own buckets";
  now_ += 2;  // 5 per 10 seconds: one token back every 2 seconds
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::over_burst);
}

TEST_F(SigningRateLimiterTest, SustainedLimitCatchesASteadyTrickle) {
  SigningRateLimiter limiter(clock_);
  // One every 3 seconds never trips the burst limit, but 30 an hour runs out: the 30 tokens at the
  // start, less the 0.025 that each 3 seconds brings back, last for 30 signatures.
  int within = 0;
  RateVerdict last = RateVerdict::within_limits;
  for (int i = 0; i < 40; ++i) {
    last = limiter.admit(ip("192.0.2.1"));
    if (last == RateVerdict::within_limits) ++within;
    now_ += 3;
  }
  EXPECT_EQ(last, RateVerdict::over_sustained);
  EXPECT_EQ(within, 30);
  now_ += 120;  // 30 an hour: one back every 120 seconds
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits);
}

TEST_F(SigningRateLimiterTest, SuspectSignaturesTakeNoTokens) {
  SigningRateLimiter limiter(clock_, SigningRateLimits{{2, 10}, {100, 3600}, 1000, 64});
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::over_burst);
  now_ += 5;  // one token back: the 50 refused did not run up a debt
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::within_limits);
}

TEST_F(SigningRateLimiterTest, Ipv6IsLimitedPerSlash64) {
  SigningRateLimiter limiter(clock_, SigningRateLimits{{1, 10}, {30, 3600}, 1000, 64});
  EXPECT_EQ(limiter.admit(ip("2001:db8:1:2::1")), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(ip("2001:db8:1:2:ffff::9")), RateVerdict::over_burst) << "same /64";
  EXPECT_EQ(limiter.admit(ip("2001:db8:1:3::1")), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(ip("::ffff:192.0.2.1")), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(ip("192.0.2.1")), RateVerdict::over_burst)
      << "a mapped address is the IPv4 address";
}

TEST_F(SigningRateLimiterTest, MemoryIsBounded) {
  SigningRateLimiter limiter(clock_, SigningRateLimits{{5, 10}, {30, 3600}, 100, 64});
  for (std::uint32_t i = 0; i < 1000; ++i) {
    EXPECT_EQ(limiter.admit(IpAddress::v4(0x0A000000U + i)), RateVerdict::within_limits);
  }
  EXPECT_EQ(limiter.tracked(), 100U);
  // The most recent are kept: 10.0.3.231 (the 1,000th) still has its burst spent by one.
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(limiter.admit(IpAddress::v4(0x0A000000U + 999)), RateVerdict::within_limits);
  EXPECT_EQ(limiter.admit(IpAddress::v4(0x0A000000U + 999)), RateVerdict::over_burst);
}

TEST_F(SigningRateLimiterTest, IdleAddressesAreForgotten) {
  SigningRateLimiter limiter(clock_);
  for (std::uint32_t i = 0; i < 50; ++i) (void)limiter.admit(IpAddress::v4(0x0A000000U + i));
  EXPECT_EQ(limiter.tracked(), 50U);
  now_ += 3599;
  (void)limiter.admit(ip("192.0.2.1"));
  EXPECT_EQ(limiter.tracked(), 51U) << "the sustained bucket has not quite refilled";
  now_ += 1;
  (void)limiter.admit(ip("192.0.2.2"));
  EXPECT_EQ(limiter.tracked(), 2U) << "the 50 are full again, so the same as never seen";
}

TEST_F(SigningRateLimiterTest, LimitsAreChecked) {
  EXPECT_THROW(SigningRateLimiter(clock_, SigningRateLimits{{0, 10}, {30, 3600}, 100, 64}), Error);
  EXPECT_THROW(SigningRateLimiter(clock_, SigningRateLimits{{5, 10}, {30, 0}, 100, 64}), Error);
  EXPECT_THROW(SigningRateLimiter(clock_, SigningRateLimits{{5, 10}, {30, 3600}, 0, 64}), Error);
  EXPECT_THROW(SigningRateLimiter(clock_, SigningRateLimits{{5, 10}, {30, 3600}, 100, 129}), Error);
}

TEST_F(SigningRateLimiterTest, ScreeningKeepsOverLimitAndBlockedSignaturesAsSuspect) {
  SigningRateLimiter limiter(clock_, SigningRateLimits{{2, 10}, {30, 3600}, 1000, 64});
  BlockList blocks;
  blocks.block_domain(parse_domain_pattern("*.throwaway.test"));
  const EmailAddress honest = parse_email_address("jo@example.org");
  const EmailAddress throwaway = parse_email_address("x@mx.throwaway.test");
  const Screening counted{SignatureStanding::counted, std::nullopt};
  EXPECT_EQ(screen_signature(blocks, limiter, ip("192.0.2.1"), throwaway),
            (Screening{SignatureStanding::suspect, SuspectReason::blocked_domain}));
  EXPECT_EQ(screen_signature(blocks, limiter, ip("192.0.2.1"), honest), counted) << "the block took no token";
  EXPECT_EQ(screen_signature(blocks, limiter, ip("192.0.2.1"), honest), counted);
  EXPECT_EQ(screen_signature(blocks, limiter, ip("192.0.2.1"), honest),
            (Screening{SignatureStanding::suspect, SuspectReason::over_burst_limit}));
  EXPECT_EQ(to_string(SuspectReason::over_burst_limit), "over-burst-limit");
  EXPECT_EQ(parse_suspect_reason("blocked-email"), SuspectReason::blocked_email);
}

}  // namespace
}  // namespace recall::public_petition
