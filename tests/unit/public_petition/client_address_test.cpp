#include "core/public_petition/client_address.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace recall::public_petition {
namespace {

const std::vector<CidrRange> proxies = {parse_cidr("10.0.0.0/8"), parse_cidr("2001:db8::/32")};

std::string client(std::string_view peer, std::string_view header) {
  return to_string(client_address(parse_ip_address(peer), header, proxies));
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItClaims) {
  EXPECT_EQ(client("198.51.100.7", "203.0.113.9"), "198.51.100.7");
}

TEST(ClientAddress, ATrustedProxyNamesTheClient) {
  EXPECT_EQ(client("10.0.0.2", "203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(client("10.0.0.2", " 203.0.113.9 "), "203.0.113.9");
}

TEST(ClientAddress, HopsWrittenByTheClientItselfAreNeverRead) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; the trusted proxy appended the real address.
  EXPECT_EQ(client("10.0.0.2", "1.2.3.4, 203.0.113.9"), "203.0.113.9");
}

TEST(ClientAddress, ChainsOfTrustedProxiesAreWalkedFromTheRight) {
  EXPECT_EQ(client("10.0.0.2", "203.0.113.9, 10.1.1.1, 2001:db8::5"), "203.0.113.9");
}

TEST(ClientAddress, AMalformedHopStopsAtTheLastAddressVouchedFor) {
  EXPECT_EQ(client("10.0.0.2", "203.0.113.9, unknown"), "10.0.0.2");
  EXPECT_EQ(client("10.0.0.2", "garbage, 10.1.1.1"), "10.1.1.1");
}

TEST(ClientAddress, NoHeaderOrNoTrustedProxiesMeansThePeer) {
  EXPECT_EQ(client("10.0.0.2", ""), "10.0.0.2");
  EXPECT_EQ(to_string(client_address(parse_ip_address("10.0.0.2"), "203.0.113.9", {})), "10.0.0.2");
}

}  // namespace
}  // namespace recall::public_petition
