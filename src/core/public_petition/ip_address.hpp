#pragma once
// IP addresses and CIDR ranges for rate limits, block lists and bulk invalidation, parsed strictly:
// IPv4 as four decimal octets without leading zeros (so "010.1.1.1" is not silently octal), IPv6 in
// RFC 4291 text form (one "::" at most, an IPv4 tail allowed, no zone), and a range's host bits must
// be zero ("10.1.0.0/8" is refused with the range it probably meant). An IPv4-mapped IPv6 address
// (::ffff:192.0.2.1, what a dual-stack socket reports) is the IPv4 address, so one rule covers both.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recall::public_petition {

class IpAddress {
 public:
  enum class Family : std::uint8_t { v4, v6 };

  IpAddress() = default;  // 0.0.0.0
  static IpAddress v4(std::uint32_t address);
  static IpAddress v6(std::uint64_t high, std::uint64_t low);

  [[nodiscard]] Family family() const { return family_; }
  [[nodiscard]] int bits() const { return family_ == Family::v4 ? 32 : 128; }
  // IPv4 in the low 32 bits of `low`, high 0; IPv6 as two big-endian halves.
  [[nodiscard]] std::uint64_t high() const { return high_; }
  [[nodiscard]] std::uint64_t low() const { return low_; }
  // 16 bytes that sort as the addresses do, IPv4 as ::ffff:a.b.c.d: a store can keep this in a BLOB
  // or bytea column and answer a CIDR range as `ip BETWEEN first AND last`.
  [[nodiscard]] std::array<std::uint8_t, 16> sort_key() const;
  // The first `prefix` bits kept, the rest zero.
  [[nodiscard]] IpAddress masked(int prefix) const;

  bool operator==(const IpAddress&) const = default;

 private:
  Family family_ = Family::v4;
  std::uint64_t high_ = 0;
  std::uint64_t low_ = 0;
};

std::optional<IpAddress> try_parse_ip_address(std::string_view text);
// Throws Error(invalid_input) naming `field`.
IpAddress parse_ip_address(std::string_view text, std::string_view field = "ip");
// "192.0.2.1"; IPv6 in RFC 5952 form ("2001:db8::1").
std::string to_string(const IpAddress& address);

struct CidrRange {
  IpAddress network;  // host bits zero
  int prefix = 32;

  [[nodiscard]] bool contains(const IpAddress& address) const;
  [[nodiscard]] IpAddress first() const { return network; }
  [[nodiscard]] IpAddress last() const;
  bool operator==(const CidrRange&) const = default;
};

// "198.51.100.0/24", "2001:db8::/32", or a bare address (a range of one). Throws Error(invalid_input)
// naming `field` and what is wrong.
CidrRange parse_cidr(std::string_view text, std::string_view field = "ip");
std::string to_string(const CidrRange& range);  // "198.51.100.0/24"; a single address with its /32 or /128

}  // namespace recall::public_petition
