#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/public_petition/block_list.hpp"

namespace recall::public_petition {
namespace {

IpAddress ip(std::string_view text) { return parse_ip_address(text); }

TEST(IpRangeSet, MatchesAddressesAndRangesOfEveryLength) {
  IpRangeSet set;
  set.add(parse_cidr("203.0.113.7"));
  set.add(parse_cidr("198.51.100.0/24"));
  set.add(parse_cidr("10.0.0.0/8"));
  set.add(parse_cidr("2001:db8:1::/48"));
  set.add(parse_cidr("10.0.0.0/8"));  // twice is once
  EXPECT_EQ(set.size(), 4U);
  EXPECT_TRUE(set.contains(ip("203.0.113.7")));
  EXPECT_FALSE(set.contains(ip("203.0.113.8")));
  EXPECT_TRUE(set.contains(ip("198.51.100.200")));
  EXPECT_TRUE(set.contains(ip("10.255.0.1")));
  EXPECT_FALSE(set.contains(ip("11.0.0.1")));
  EXPECT_TRUE(set.contains(ip("2001:db8:1:ffff::5")));
  EXPECT_FALSE(set.contains(ip("2001:db8:2::5")));
  EXPECT_TRUE(set.contains(ip("::ffff:10.1.2.3"))) << "a dual-stack socket's view of 10.1.2.3";
}

TEST(IpRangeSet, ManyRangesStayExact) {
  IpRangeSet set;
  // 65,536 /32s and 256 /24s: every address in 172.16.0.0/16 one way or the other, and nothing else.
  for (std::uint32_t i = 0; i < 65'536; i += 2) set.add(CidrRange{IpAddress::v4(0xAC100000U | i), 32});
  for (std::uint32_t i = 0; i < 256; ++i) set.add(CidrRange{IpAddress::v4(0xAC100000U | (i << 8)), 24});
  EXPECT_TRUE(set.contains(ip("172.16.200.3")));
  EXPECT_TRUE(set.contains(ip("172.16.200.4")));
  EXPECT_FALSE(set.contains(ip("172.17.0.0")));
  EXPECT_FALSE(set.contains(ip("172.15.255.255")));
}

TEST(DomainSet, ExactOrWithSubdomains) {
  DomainSet set;
  set.add(parse_domain_pattern("spam.example"));
  set.add(parse_domain_pattern("*.throwaway.test"));
  EXPECT_TRUE(set.contains("spam.example"));
  EXPECT_TRUE(set.contains("SPAM.Example."));
  EXPECT_FALSE(set.contains("mail.spam.example")) << "an exact entry is exact";
  EXPECT_TRUE(set.contains("throwaway.test"));
  EXPECT_TRUE(set.contains("x.throwaway.test"));
  EXPECT_TRUE(set.contains("a.b.throwaway.test"));
  EXPECT_FALSE(set.contains("notthrowaway.test"));
  EXPECT_FALSE(set.contains("test"));
}

TEST(DomainPattern, ParsesStrictly) {
  EXPECT_EQ(to_string(parse_domain_pattern(" *.Example.COM. ")), "*.example.com");
  for (const char* bad : {"", "*.", "a..b", "-a.b", "a-.b", "a b.c", "*a.b", "a.*.b", "a.b..", "a_b.c"}) {
    EXPECT_THROW(parse_domain_pattern(bad), Error) << bad;
  }
  EXPECT_TRUE(parse_domain_pattern("*.example.com").matches("Mail.Example.com"));
  EXPECT_FALSE(parse_domain_pattern("example.com").matches("mail.example.com"));
}

TEST(BlockList, SaysWhichKindOfEntryMatched) {
  BlockList list;
  list.block_ip(parse_cidr("198.51.100.0/24"));
  list.block_domain(parse_domain_pattern("*.throwaway.test"));
  list.block_email(canonical_email("Jo.Bloggs@gmail.com"));
  const auto email = [](std::string_view typed) { return parse_email_address(typed); };
  EXPECT_EQ(list.match(ip("198.51.100.9"), email("a@example.org")), BlockKind::ip);
  EXPECT_EQ(list.match(ip("192.0.2.1"), email("a@mx.throwaway.test")), BlockKind::domain);
  EXPECT_EQ(list.match(ip("192.0.2.1"), email("jobloggs+x@googlemail.com")), BlockKind::email) << "canonical";
  EXPECT_EQ(list.match(ip("192.0.2.1"), email("a@example.org")), std::nullopt);
  EXPECT_EQ(list.size(), 3U);
}

TEST(BlockList, ReadsFromText) {
  const BlockList list = parse_block_list(
      "# blocked on 21 March\n"
      "ip 198.51.100.0/24\n"
      "\n"
      "  domain   *.throwaway.test   # hands out subdomains\n"
      "email Jo.Bloggs@gmail.com\r\n"
      "ip 2001:db8::/32\n"
      "email a#b@example.org # a # inside an address is not a comment\n",
      "blocks.txt");
  EXPECT_EQ(list.size(), 5U);
  EXPECT_EQ(list.match(ip("192.0.2.1"), parse_email_address("a#b@example.org")), BlockKind::email);
  EXPECT_EQ(list.match(ip("2001:db8::1"), parse_email_address("a@example.org")), BlockKind::ip);
}

TEST(BlockList, TextErrorsGiveLineAndColumn) {
  const auto where = [](std::string_view text) -> SourceLocation {
    try {
      parse_block_list(text, "blocks.txt");
    } catch (const Error& error) {
      return *error.where();
    }
    return SourceLocation{"accepted", 0, 0, ""};
  };
  const SourceLocation bad_range = where("ip 10.0.0.0/8\nip   10.1.0.0/8\n");
  EXPECT_EQ(bad_range.file, "blocks.txt");
  EXPECT_EQ(bad_range.line, 2);
  EXPECT_EQ(bad_range.column, 6);
  EXPECT_EQ(bad_range.field, "ip");
  const SourceLocation unknown = where("\n\n  user bob\n");
  EXPECT_EQ(unknown.line, 3);
  EXPECT_EQ(unknown.column, 3);
  EXPECT_EQ(where("email\n").field, "email");
  EXPECT_EQ(where("email nobody\n").field, "email");
}

TEST(BlockList, EntriesComeInCanonicalTextWithTheirLines) {
  const auto entries = parse_block_entries(
      "# for the store\n"
      "ip 198.51.100.7\n"
      "domain *.Throwaway.test\n"
      "\n"
      "email Jo.Bloggs+petitions@googlemail.com\n"
      "ip 2001:DB8:0:0::/32\n",
      "blocks.txt");
  const std::vector<BlockEntry> expected = {
      BlockEntry{BlockKind::ip, "198.51.100.7/32", 2},
      BlockEntry{BlockKind::domain, "*.throwaway.test", 3},
      BlockEntry{BlockKind::email, "jobloggs@gmail.com", 5},
      BlockEntry{BlockKind::ip, "2001:db8::/32", 6},
  };
  EXPECT_EQ(entries, expected);
  try {
    parse_block_entries("ip 192.0.2.0/24\ndomain bad..example\n", "blocks.txt");
    ADD_FAILURE() << "a bad domain was accepted";
  } catch (const Error& error) {
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->line, 2);
    EXPECT_EQ(error.where()->column, 8);
    EXPECT_EQ(error.where()->field, "domain");
  }
}

}  // namespace
}  // namespace recall::public_petition
