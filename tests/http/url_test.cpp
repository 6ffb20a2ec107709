#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "http_url/url.hpp"

namespace recall::http {
namespace {

// Runs `f`, expecting a recall::Error of kind invalid_input, and returns it.
template <typename F>
Error expect_invalid(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    return e;
  }
  ADD_FAILURE() << "expected an invalid_input error";
  return Error(ErrorKind::internal, "no error");
}

TEST(PercentDecode, DecodesEscapesInEitherCase) {
  EXPECT_EQ(percent_decode("a%20b%2Fc%2fd", false, {}), "a b/c/d");
  EXPECT_EQ(percent_decode("%C2%A3100", false, {}),
            "\xC2\xA3"
            "100");
}

TEST(PercentDecode, PlusIsSpaceOnlyWhenAsked) {
  EXPECT_EQ(percent_decode("a+b", true, {}), "a b");
  EXPECT_EQ(percent_decode("a+b", false, {}), "a+b");
  EXPECT_EQ(percent_decode("a%2Bb", true, {}), "a+b");
}

TEST(PercentDecode, RejectsBadEscapesWithTheColumn) {
  const Error e = expect_invalid([] { percent_decode("ab%G1", false, SourceLocation{"query", 1, 10, "q"}); });
  ASSERT_TRUE(e.where().has_value());
  EXPECT_EQ(e.where()->column, 12);  // text starts at column 10, '%' is its third byte
  EXPECT_EQ(e.where()->field, "q");
  EXPECT_NE(e.message().find("%G1"), std::string::npos);
}

TEST(PercentDecode, RejectsTruncatedEscapes) {
  expect_invalid([] { percent_decode("abc%", false, {}); });
  expect_invalid([] { percent_decode("abc%4", false, {}); });
}

TEST(PercentDecode, RejectsNul) {
  expect_invalid([] { percent_decode("a%00b", false, {}); });
  expect_invalid([] { percent_decode(std::string_view("a\0b", 3), false, {}); });
}

TEST(PercentDecode, RejectsInvalidUtf8) {
  expect_invalid([] { percent_decode("%FF", false, {}); });
  expect_invalid([] { percent_decode("%C0%AF", false, {}); });     // overlong '/'
  expect_invalid([] { percent_decode("%ED%A0%80", false, {}); });  // a surrogate
  expect_invalid([] { percent_decode("%E2%82", false, {}); });     // truncated
  EXPECT_EQ(percent_decode("%F0%9F%97%B3", false, {}), "\xF0\x9F\x97\xB3");
}

TEST(ParseQuery, SplitsPairsInOrderWithRepeats) {
  const Params p = parse_query("party=lab&party=con&q=SW1A+1AA&flag&=empty-key");
  EXPECT_EQ(p.get_all("party"), (std::vector<std::string>{"lab", "con"}));
  EXPECT_EQ(p.get("party"), "lab");
  EXPECT_EQ(p.get("q"), "SW1A 1AA");
  EXPECT_EQ(p.get("flag"), "");
  EXPECT_TRUE(p.has("flag"));
  EXPECT_EQ(p.get(""), "empty-key");
  EXPECT_FALSE(p.has("missing"));
  EXPECT_EQ(p.items().size(), 5u);
}

TEST(ParseQuery, SkipsEmptyPiecesAndKeepsEqualsInValues) {
  const Params p = parse_query("&&a=1&&b=x=y&");
  ASSERT_EQ(p.items().size(), 2u);
  EXPECT_EQ(p.get("a"), "1");
  EXPECT_EQ(p.get("b"), "x=y");
  EXPECT_TRUE(parse_query("").items().empty());
}

TEST(ParseQuery, ErrorNamesTheParameterAndColumn) {
  const Error e = expect_invalid([] { parse_query("a=1&postcode=SW1%ZZ"); });
  ASSERT_TRUE(e.where().has_value());
  EXPECT_EQ(e.where()->file, "query");
  EXPECT_EQ(e.where()->field, "postcode");
  EXPECT_EQ(e.where()->line, 1);
  EXPECT_EQ(e.where()->column, 17);  // the '%' in the raw query
  EXPECT_NE(e.message().find("postcode"), std::string::npos);
}

TEST(ParseForm, DecodesPlusAndEscapesAndNamesForm) {
  const Params p = parse_form("name=Jo+Bloggs&comment=50%25+off%21");
  EXPECT_EQ(p.get("name"), "Jo Bloggs");
  EXPECT_EQ(p.get("comment"), "50% off!");
  const Error e = expect_invalid([] { parse_form("ok=1&bad=%0"); });
  EXPECT_EQ(e.where()->file, "form");
  EXPECT_EQ(e.where()->field, "bad");
}

TEST(ParseTarget, SplitsPathAndQuery) {
  const Target t = parse_target("/mps/2017-E14000978?tab=history&q=a%20b");
  EXPECT_EQ(t.path, "/mps/2017-E14000978");
  EXPECT_EQ(t.raw_query, "tab=history&q=a%20b");
  EXPECT_EQ(t.query.get("q"), "a b");
  EXPECT_EQ(parse_target("/").path, "/");
  EXPECT_EQ(parse_target("/a+b").path, "/a+b");  // '+' is literal in paths
  EXPECT_EQ(parse_target("/caf%C3%A9").path, "/caf\xC3\xA9");
  EXPECT_EQ(parse_target("/x?").raw_query, "");
}

TEST(ParseTarget, RejectsMalformedTargets) {
  expect_invalid([] { parse_target(""); });
  expect_invalid([] { parse_target("mps"); });
  expect_invalid([] { parse_target("http://example.com/"); });
  expect_invalid([] { parse_target("/a b"); });
  expect_invalid([] { parse_target("/a%00"); });
  expect_invalid([] { parse_target("/a?x=%"); });
}

TEST(PercentEncode, RoundTrips) {
  const std::string text = "SW1A 1AA & co/?=+%\xC2\xA3";
  const std::string encoded = percent_encode(text);
  EXPECT_EQ(encoded.find_first_of(" &/?=+\xC2"), std::string::npos);
  EXPECT_EQ(percent_decode(encoded, false, {}), text);
  EXPECT_EQ(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
}

}  // namespace
}  // namespace recall::http
