#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/public_petition/ip_address.hpp"

namespace recall::public_petition {
namespace {

std::string round_trip(std::string_view text) { return to_string(parse_ip_address(text)); }

std::string cidr_refusal(std::string_view text) {
  try {
    parse_cidr(text, "ip");
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->field, "ip");
    return error.message();
  }
  return "accepted";
}

TEST(IpAddress, ParsesIpv4Strictly) {
  EXPECT_EQ(round_trip("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(round_trip("0.0.0.0"), "0.0.0.0");
  EXPECT_EQ(round_trip("255.255.255.255"), "255.255.255.255");
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..3.4", "1.2.3.4 ",
                          " 1.2.3.4", "+1.2.3.4", "1.2.3.-4", "0x1.2.3.4", "1.2.3.4/"}) {
    EXPECT_EQ(try_parse_ip_address(bad), std::nullopt) << bad;
  }
}

TEST(IpAddress, ParsesIpv6InEveryTextForm) {
  EXPECT_EQ(round_trip("2001:0db8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  EXPECT_EQ(round_trip("2001:DB8::1"), "2001:db8::1");
  EXPECT_EQ(round_trip("::"), "::");
  EXPECT_EQ(round_trip("::1"), "::1");
  EXPECT_EQ(round_trip("fe80::"), "fe80::");
  EXPECT_EQ(round_trip("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1") << "RFC 5952: the first of equal runs";
  EXPECT_EQ(round_trip("2001:db8:0:1:1:1:1:1"), "2001:db8:0:1:1:1:1:1") << "a single zero group stays";
  EXPECT_EQ(round_trip("2001:0:0:1:0:0:0:1"), "2001:0:0:1::1") << "the longest run";
  EXPECT_EQ(round_trip("64:ff9b::192.0.2.33"), "64:ff9b::c000:221");
  for (const char* bad :
       {":", ":::", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1:2:3:4:5:6:7::8",
        ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "::1.2.3", "1.2.3.4::", "fe80::1%eth0", "::ffff:256.1.1.1"}) {
    EXPECT_EQ(try_parse_ip_address(bad), std::nullopt) << bad;
  }
}

TEST(IpAddress, MappedIpv4IsIpv4) {
  const IpAddress mapped = parse_ip_address("::ffff:192.0.2.1");
  EXPECT_EQ(mapped, parse_ip_address("192.0.2.1"));
  EXPECT_EQ(mapped.family(), IpAddress::Family::v4);
  EXPECT_EQ(parse_ip_address("::ffff:c000:201"), mapped);
}

TEST(IpAddress, SortKeysOrderAsAddresses) {
  const auto key = [](std::string_view text) { return parse_ip_address(text).sort_key(); };
  EXPECT_LT(key("10.0.0.1"), key("10.0.0.2"));
  EXPECT_LT(key("9.255.255.255"), key("10.0.0.0"));
  EXPECT_LT(key("::1"), key("10.0.0.0"));
  EXPECT_LT(key("255.255.255.255"), key("2001:db8::"));
  EXPECT_EQ(key("192.0.2.1"), key("::ffff:192.0.2.1"));
}

TEST(CidrRange, ContainsItsAddressesOnly) {
  const CidrRange range = parse_cidr("198.51.100.0/24");
  EXPECT_TRUE(range.contains(parse_ip_address("198.51.100.0")));
  EXPECT_TRUE(range.contains(parse_ip_address("198.51.100.255")));
  EXPECT_TRUE(range.contains(parse_ip_address("::ffff:198.51.100.7")));
  EXPECT_FALSE(range.contains(parse_ip_address("198.51.101.0")));
  EXPECT_FALSE(range.contains(parse_ip_address("::ffff:c633:6500"))) << "198.51.101.0, written as mapped hex";
  EXPECT_EQ(to_string(range.last()), "198.51.100.255");

  const CidrRange v6 = parse_cidr("2001:db8:abcd::/48");
  EXPECT_TRUE(v6.contains(parse_ip_address("2001:db8:abcd:ffff::1")));
  EXPECT_FALSE(v6.contains(parse_ip_address("2001:db8:abce::")));
  EXPECT_EQ(to_string(v6.last()), "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff");
  EXPECT_FALSE(parse_cidr("::/0").contains(parse_ip_address("10.0.0.1"))) << "families never mix";
  EXPECT_TRUE(parse_cidr("0.0.0.0/0").contains(parse_ip_address("10.0.0.1")));
}

TEST(CidrRange, ABareAddressIsARangeOfOne) {
  EXPECT_EQ(to_string(parse_cidr("192.0.2.1")), "192.0.2.1/32");
  EXPECT_EQ(to_string(parse_cidr("2001:db8::1")), "2001:db8::1/128");
  EXPECT_EQ(to_string(parse_cidr("::ffff:10.0.0.0/104")), "10.0.0.0/8");
}

TEST(CidrRange, RefusesLooseInput) {
  EXPECT_EQ(cidr_refusal("10.1.0.0/8"),
            "\"10.1.0.0/8\" has bits set after its /8 prefix; the range is 10.0.0.0/8");
  EXPECT_EQ(cidr_refusal("10.0.0.0/33"), "\"10.0.0.0/33\": the prefix length after / must be 0 to 32");
  EXPECT_EQ(cidr_refusal("2001:db8::/129"), "\"2001:db8::/129\": the prefix length after / must be 0 to 128");
  EXPECT_EQ(cidr_refusal("10.0.0.0/"), "\"10.0.0.0/\": the prefix length after / must be 0 to 32");
  EXPECT_EQ(cidr_refusal("10.0.0.0/08"), "\"10.0.0.0/08\": the prefix length after / must be 0 to 32");
  EXPECT_EQ(cidr_refusal("10.0.0.0/8x"), "\"10.0.0.0/8x\": the prefix length after / must be 0 to 32");
  EXPECT_EQ(cidr_refusal("::ffff:10.0.0.0/64"),
            "\"::ffff:10.0.0.0/64\" spans beyond the IPv4-mapped range ::ffff:0:0/96");
  EXPECT_EQ(cidr_refusal("10.0.0/8"), "\"10.0.0\" is not an IPv4 or IPv6 address");
  EXPECT_EQ(cidr_refusal("fe80::1%eth0"), "\"fe80::1%eth0\" has a zone; give the address alone");
}

}  // namespace
}  // namespace recall::public_petition
