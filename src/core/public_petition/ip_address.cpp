#include "core/public_petition/ip_address.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

constexpr std::uint64_t all_ones = ~std::uint64_t{0};
constexpr std::uint64_t mapped_marker = 0xFFFF;  // ::ffff:0:0/96 holds the IPv4-mapped addresses

// Ones in the first `prefix` of a 64-bit half that starts at bit `offset` of the address.
std::uint64_t half_mask(int prefix, int offset) {
  const int in_half = prefix - offset;
  if (in_half <= 0) return 0;
  if (in_half >= 64) return all_ones;
  return all_ones << (64 - in_half);
}

std::uint64_t v4_mask(int prefix) {
  if (prefix <= 0) return 0;
  return (0xFFFFFFFFULL << (32 - prefix)) & 0xFFFFFFFFULL;
}

std::optional<std::uint32_t> parse_v4(std::string_view text) {
  std::uint32_t value = 0;
  int octets = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view part = text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return std::nullopt;
    unsigned octet = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), octet);
    if (error != std::errc{} || end != part.data() + part.size() || octet > 255) return std::nullopt;
    value = (value << 8) | octet;
    ++octets;
    if (dot == std::string_view::npos) break;
    if (octets == 4) return std::nullopt;
    start = dot + 1;
  }
  if (octets != 4) return std::nullopt;
  return value;
}

// Colon-separated hex groups; the last may be a dotted IPv4 tail (two groups) when allowed.
bool parse_groups(std::string_view text, bool v4_tail_allowed, std::vector<std::uint16_t>& out) {
  if (text.empty()) return true;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = text.find(':', start);
    const std::string_view group =
        text.substr(start, colon == std::string_view::npos ? text.npos : colon - start);
    if (colon == std::string_view::npos && v4_tail_allowed && group.find('.') != std::string_view::npos) {
      const auto v4 = parse_v4(group);
      if (!v4) return false;
      out.push_back(static_cast<std::uint16_t>(*v4 >> 16));
      out.push_back(static_cast<std::uint16_t>(*v4 & 0xFFFF));
      return true;
    }
    if (group.empty() || group.size() > 4) return false;
    unsigned value = 0;
    const auto [end, error] = std::from_chars(group.data(), group.data() + group.size(), value, 16);
    if (error != std::errc{} || end != group.data() + group.size()) return false;
    out.push_back(static_cast<std::uint16_t>(value));
    if (colon == std::string_view::npos) return true;
    start = colon + 1;
  }
}

std::optional<IpAddress> parse_v6(std::string_view text) {
  std::vector<std::uint16_t> head;
  std::vector<std::uint16_t> tail;
  const std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_groups(text, true, head) || head.size() != 8) return std::nullopt;
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!parse_groups(text.substr(0, gap), false, head) || !parse_groups(text.substr(gap + 2), true, tail)) {
      return std::nullopt;
    }
    if (head.size() + tail.size() > 7) return std::nullopt;  // "::" stands for at least one group
  }
  std::array<std::uint16_t, 8> groups{};
  for (std::size_t i = 0; i < head.size(); ++i) groups[i] = head[i];
  for (std::size_t i = 0; i < tail.size(); ++i) groups[8 - tail.size() + i] = tail[i];
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  for (std::size_t i = 0; i < 4; ++i) high = (high << 16) | groups[i];
  for (std::size_t i = 4; i < 8; ++i) low = (low << 16) | groups[i];
  if (high == 0 && (low >> 32) == mapped_marker)
    return IpAddress::v4(static_cast<std::uint32_t>(low & 0xFFFFFFFF));
  return IpAddress::v6(high, low);
}

[[noreturn]] void refuse(std::string_view field, std::string message) {
  throw_invalid(std::move(message), SourceLocation{"", 0, 0, std::string(field)});
}

}  // namespace

IpAddress IpAddress::v4(std::uint32_t address) {
  IpAddress out;
  out.family_ = Family::v4;
  out.low_ = address;
  return out;
}

IpAddress IpAddress::v6(std::uint64_t high, std::uint64_t low) {
  IpAddress out;
  out.family_ = Family::v6;
  out.high_ = high;
  out.low_ = low;
  return out;
}

std::array<std::uint8_t, 16> IpAddress::sort_key() const {
  const std::uint64_t high = family_ == Family::v4 ? 0 : high_;
  const std::uint64_t low = family_ == Family::v4 ? ((mapped_marker << 32) | low_) : low_;
  std::array<std::uint8_t, 16> key{};
  for (std::size_t i = 0; i < 8; ++i) {
    key[i] = static_cast<std::uint8_t>(high >> (56 - 8 * i));
    key[8 + i] = static_cast<std::uint8_t>(low >> (56 - 8 * i));
  }
  return key;
}

IpAddress IpAddress::masked(int prefix) const {
  if (family_ == Family::v4) return v4(static_cast<std::uint32_t>(low_ & v4_mask(prefix)));
  return v6(high_ & half_mask(prefix, 0), low_ & half_mask(prefix, 64));
}

std::optional<IpAddress> try_parse_ip_address(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return parse_v6(text);
  if (const auto v4 = parse_v4(text)) return IpAddress::v4(*v4);
  return std::nullopt;
}

IpAddress parse_ip_address(std::string_view text, std::string_view field) {
  if (const auto address = try_parse_ip_address(text)) return *address;
  if (text.find('%') != std::string_view::npos)
    refuse(field, fmt::format("\"{}\" has a zone; give the address alone", text));
  refuse(field, fmt::format("\"{}\" is not an IPv4 or IPv6 address", text));
}

std::string to_string(const IpAddress& address) {
  if (address.family() == IpAddress::Family::v4) {
    const auto v = static_cast<std::uint32_t>(address.low());
    return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
  }
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 4; ++i) {
    groups[i] = static_cast<unsigned>((address.high() >> (48 - 16 * i)) & 0xFFFF);
    groups[4 + i] = static_cast<unsigned>((address.low() >> (48 - 16 * i)) & 0xFFFF);
  }
  // RFC 5952: "::" replaces the longest run of two or more zero groups, the first if tied.
  std::size_t best_start = 8;
  std::size_t best_length = 1;
  for (std::size_t i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) best_start = i, best_length = j - i;
    i = j;
  }
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", groups[i]);
  }
  return out;
}

bool CidrRange::contains(const IpAddress& address) const {
  return address.family() == network.family() && address.masked(prefix) == network;
}

IpAddress CidrRange::last() const {
  if (network.family() == IpAddress::Family::v4) {
    return IpAddress::v4(static_cast<std::uint32_t>(network.low() | (~v4_mask(prefix) & 0xFFFFFFFFULL)));
  }
  return IpAddress::v6(network.high() | ~half_mask(prefix, 0), network.low() | ~half_mask(prefix, 64));
}

CidrRange parse_cidr(std::string_view text, std::string_view field) {
  const std::size_t slash = text.find('/');
  const IpAddress address = parse_ip_address(text.substr(0, slash), field);
  if (slash == std::string_view::npos) return CidrRange{address, address.bits()};
  const std::string_view digits = text.substr(slash + 1);
  const bool written_as_v6 = text.substr(0, slash).find(':') != std::string_view::npos;
  const int max_prefix = written_as_v6 ? 128 : 32;
  int prefix = -1;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
  const bool leading_zero = digits.size() > 1 && digits[0] == '0';
  if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || leading_zero ||
      prefix < 0 || prefix > max_prefix) {
    refuse(field, fmt::format("\"{}\": the prefix length after / must be 0 to {}", text, max_prefix));
  }
  // A mapped IPv6 range (::ffff:10.0.0.0/104) names IPv4 addresses: count its prefix in IPv4 bits.
  if (address.family() == IpAddress::Family::v4 && written_as_v6) {
    if (prefix < 96)
      refuse(field, fmt::format("\"{}\" spans beyond the IPv4-mapped range ::ffff:0:0/96", text));
    prefix -= 96;
  }
  const CidrRange range{address.masked(prefix), prefix};
  if (!(range.network == address)) {
    refuse(field, fmt::format("\"{}\" has bits set after its /{} prefix; the range is {}", text, prefix,
                              to_string(range)));
  }
  return range;
}

std::string to_string(const CidrRange& range) {
  return fmt::format("{}/{}", to_string(range.network), range.prefix);
}

}  // namespace recall::public_petition
