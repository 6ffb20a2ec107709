#include "core/public_petition/client_address.hpp"

#include <algorithm>

namespace recall::public_petition {

namespace {

bool trusted(const IpAddress& address, std::span<const CidrRange> proxies) {
  return std::any_of(proxies.begin(), proxies.end(), [&](const CidrRange& range) { return range.contains(address); });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

IpAddress client_address(const IpAddress& peer, std::string_view forwarded_for,
                         std::span<const CidrRange> trusted_proxies) {
  IpAddress client = peer;
  std::string_view rest = forwarded_for;
  while (trusted(client, trusted_proxies) && !trim(rest).empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view hop = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const auto address = try_parse_ip_address(hop);
    if (!address) break;  // not written by a proxy we trust: keep the last address we can vouch for
    client = *address;
  }
  return client;
}

}  // namespace recall::public_petition
