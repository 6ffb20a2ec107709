#include <gtest/gtest.h>

#include <set>

#include "core/auth/csrf.hpp"
#include "core/auth/session_cookie.hpp"
#include "core/auth/session_policy.hpp"
#include "core/auth/token.hpp"
#include "core/base/error.hpp"

namespace recall {
namespace {

TEST(Token, RandomBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string token = new_random_token();
    EXPECT_EQ(token.size(), 43U);
    EXPECT_TRUE(looks_like_token(token)) << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 50U);
  EXPECT_FALSE(looks_like_token("abc"));
  EXPECT_FALSE(looks_like_token(std::string(42, 'a') + "="));
}

TEST(Token, HashIsSha256Hex) {
  // SHA-256("abc") from FIPS 180-2.
  EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Token, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("same", "same"));
  EXPECT_FALSE(constant_time_equal("same", "sane"));
  EXPECT_FALSE(constant_time_equal("same", "same!"));
}

TEST(Csrf, MatchesOnlyTheSessionsToken) {
  const std::string token = new_csrf_token();
  EXPECT_NO_THROW(check_csrf(token, token));
  for (const std::string& bad : {std::string(), new_csrf_token(), token.substr(1)}) {
    try {
      check_csrf(token, bad);
      FAIL() << "accepted " << bad;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::forbidden);
      EXPECT_EQ(error.where()->field, "csrf_token");
    }
  }
  EXPECT_THROW(check_csrf("", ""), Error);
}

TEST(SessionPolicy, IdleAndAbsoluteExpiry) {
  const SessionLimits limits{60, 600};
  SessionTimes times = new_session_times(1000, limits);
  EXPECT_EQ(times.expires_at, 1600);
  EXPECT_TRUE(session_is_live(times, 1059, limits));
  EXPECT_FALSE(session_is_live(times, 1060, limits)) << "idle for the whole idle limit";
  times.last_seen_at = 1590;
  EXPECT_TRUE(session_is_live(times, 1599, limits));
  EXPECT_FALSE(session_is_live(times, 1600, limits)) << "the absolute limit holds however active";
}

TEST(SessionCookie, HasEveryHardeningAttribute) {
  const std::string token = new_random_token();
  const std::string cookie = session_cookie(token, 3600);
  EXPECT_EQ(cookie.rfind("__Host-recall-session=" + token + ";", 0), 0U) << cookie;
  for (const char* attribute : {"; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax", "; Max-Age=3600"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute;
  }
  EXPECT_EQ(cookie.find("Domain"), std::string::npos) << "__Host- forbids Domain";
  EXPECT_NE(clear_session_cookie().find("Max-Age=0"), std::string::npos);
  EXPECT_THROW((void)session_cookie("not a token", 3600), Error);
  EXPECT_THROW((void)session_cookie(token, 0), Error);
}

TEST(SessionCookie, ReadsTheTokenFromACookieHeader) {
  const std::string token = new_random_token();
  EXPECT_EQ(session_token_from_cookie_header("theme=dark; __Host-recall-session=" + token + "; x=1"), token);
  EXPECT_EQ(session_token_from_cookie_header("__Host-recall-session=" + token), token);
  EXPECT_EQ(session_token_from_cookie_header("recall-session=" + token), std::nullopt);
  EXPECT_EQ(session_token_from_cookie_header("__Host-recall-session=junk"), std::nullopt);
  EXPECT_EQ(session_token_from_cookie_header(""), std::nullopt);
}

}  // namespace
}  // namespace recall

#include "core/auth/clock.hpp"

namespace recall {
namespace {

TEST(Clock, FormatsUtcTimestamps) {
  EXPECT_EQ(format_utc_timestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc_timestamp(1'552'953'600), "2019-03-19T00:00:00Z");  // Peterborough opened
  EXPECT_EQ(format_utc_timestamp(1'709'251'199), "2024-02-29T23:59:59Z");
}

}  // namespace
}  // namespace recall
