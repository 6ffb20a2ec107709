#pragma once
// The signer's address when Recall runs behind a reverse proxy. The rate limits and bulk invalidation
// work per address, so behind nginx every signer would otherwise share the proxy's one address and go
// suspect together. X-Forwarded-For is believed only as far as it was written by proxies the operator
// names: walking it from the right, each hop added by a trusted proxy is skipped, and the first
// address a trusted proxy received from someone else is the client. Anything a client wrote itself
// (further left) is never read, so a signer cannot choose the address they are limited by.
#include <span>
#include <string_view>

#include "core/public_petition/ip_address.hpp"

namespace recall::public_petition {

// `peer` is the connection's address; `forwarded_for` the X-Forwarded-For header ("" when absent).
// Returns `peer` unless it is trusted; a malformed hop ends the walk at the last good address.
IpAddress client_address(const IpAddress& peer, std::string_view forwarded_for,
                         std::span<const CidrRange> trusted_proxies);

}  // namespace recall::public_petition
