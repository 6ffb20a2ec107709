#include <gtest/gtest.h>

#include "http/request.hpp"

namespace recall::http {
namespace {

Request with_accept(std::string path, std::string accept) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  if (!accept.empty()) r.headers["accept"] = std::move(accept);
  return r;
}

TEST(WantsJson, ApiPrefix) {
  EXPECT_TRUE(with_accept("/api", "").wants_json());
  EXPECT_TRUE(with_accept("/api/mps", "text/html").wants_json());
  EXPECT_FALSE(with_accept("/apiary", "").wants_json());
  EXPECT_FALSE(with_accept("/mps", "").wants_json());
}

TEST(WantsJson, AcceptPreference) {
  EXPECT_TRUE(with_accept("/mps", "application/json").wants_json());
  EXPECT_TRUE(with_accept("/mps", "text/html;q=0.5, application/json").wants_json());
  EXPECT_TRUE(with_accept("/mps", "application/*").wants_json());
  EXPECT_FALSE(with_accept("/mps", "application/json;q=0.5, text/html").wants_json());
  // What browsers send: HTML first, */* as a fallback.
  EXPECT_FALSE(
      with_accept("/mps", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").wants_json());
  EXPECT_FALSE(with_accept("/mps", "*/*").wants_json());
  EXPECT_FALSE(with_accept("/mps", "application/json;q=0").wants_json());
}

TEST(RequestHeader, LooksUpLowerCaseNames) {
  Request r;
  r.headers["x-thing"] = "1";
  EXPECT_EQ(r.header("x-thing"), "1");
  EXPECT_FALSE(r.header("x-other").has_value());
}

}  // namespace
}  // namespace recall::http
