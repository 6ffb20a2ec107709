#pragma once
// The one decision taken about every new signature before it is buffered: counted, or suspect and
// why. Suspect signatures are stored like any other (the signer sees the same confirmation page and
// email) but are left out of every count until a moderator clears them, so a block or a limit set
// too tight costs a delay, never a lost signature.
#include <optional>
#include <string_view>

#include "core/public_petition/block_list.hpp"
#include "core/public_petition/signing_rate_limiter.hpp"

namespace recall::public_petition {

enum class SignatureStanding { counted, suspect };
std::string_view to_string(SignatureStanding standing);  // "counted", "suspect"

enum class SuspectReason {
  blocked_ip,
  blocked_domain,
  blocked_email,
  over_burst_limit,
  over_sustained_limit
};
std::string_view to_string(SuspectReason reason);  // "blocked-ip", ..., "over-sustained-limit"
std::optional<SuspectReason> parse_suspect_reason(std::string_view text);

struct Screening {
  SignatureStanding standing = SignatureStanding::counted;
  std::optional<SuspectReason> reason;  // set when suspect

  bool operator==(const Screening&) const = default;
};

// Block list first (a blocked signer takes no tokens, so the block does not starve their network's
// honest signers), then the rate limiter.
Screening screen_signature(const BlockList& blocks, SigningRateLimiter& limiter, const IpAddress& ip,
                           const EmailAddress& email);

}  // namespace recall::public_petition
