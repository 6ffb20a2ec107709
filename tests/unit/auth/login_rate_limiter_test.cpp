#include <gtest/gtest.h>

#include "core/auth/login_rate_limiter.hpp"
#include "core/base/error.hpp"

namespace recall {
namespace {

class LoginRateLimiterTest : public ::testing::Test {
 protected:
  std::int64_t now_ = 1'000'000;
  LoginRateLimiter limiter_{[this] { return now_; }, RateLimits{5, 900}};
};

TEST_F(LoginRateLimiterTest, FiveFailuresLockTheAccount) {
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(limiter_.retry_after("officer@example.org", "10.0.0.1"), std::nullopt);
    limiter_.record_failure("officer@example.org", "10.0.0.1");
    now_ += 10;
  }
  EXPECT_EQ(limiter_.retry_after("officer@example.org", "10.0.0.1"), std::nullopt);
  limiter_.record_failure("officer@example.org", "10.0.0.1");
  // First failure at 1,000,000; it leaves the window at 1,000,900; now is 1,000,040.
  EXPECT_EQ(limiter_.retry_after("OFFICER@example.org", "10.0.0.9"), 860)
      << "per account, whatever the address";
  try {
    limiter_.check("officer@example.org", "10.0.0.2");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::rate_limited);
    EXPECT_NE(error.message().find("860 seconds"), std::string::npos) << error.message();
  }
  now_ += 860;
  EXPECT_EQ(limiter_.retry_after("officer@example.org", "10.0.0.1"), std::nullopt) << "one failure aged out";
}

TEST_F(LoginRateLimiterTest, FiveFailuresFromOneAddressLockTheAddress) {
  for (int i = 0; i < 5; ++i)
    limiter_.record_failure("user" + std::to_string(i) + "@example.org", "10.0.0.1");
  EXPECT_EQ(limiter_.retry_after("someone@example.org", "10.0.0.1"), 900);
  EXPECT_EQ(limiter_.retry_after("someone@example.org", "10.0.0.2"), std::nullopt);
}

TEST_F(LoginRateLimiterTest, SuccessClearsTheAccountButNotTheAddress) {
  for (int i = 0; i < 5; ++i) limiter_.record_failure("officer@example.org", "10.0.0.1");
  limiter_.record_success("officer@example.org");
  EXPECT_EQ(limiter_.retry_after("officer@example.org", "10.0.0.2"), std::nullopt);
  EXPECT_EQ(limiter_.retry_after("officer@example.org", "10.0.0.1"), 900);
}

TEST(LoginRateLimiter, RefusesNonsenseLimits) {
  EXPECT_THROW(LoginRateLimiter([] { return std::int64_t{0}; }, RateLimits{0, 900}), Error);
}

}  // namespace
}  // namespace recall
