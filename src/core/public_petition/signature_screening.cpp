#include "core/public_petition/signature_screening.hpp"

#include <array>
#include <utility>

namespace recall::public_petition {

namespace {

constexpr std::array<std::pair<SuspectReason, std::string_view>, 5> reason_names{{
    {SuspectReason::blocked_ip, "blocked-ip"},
    {SuspectReason::blocked_domain, "blocked-domain"},
    {SuspectReason::blocked_email, "blocked-email"},
    {SuspectReason::over_burst_limit, "over-burst-limit"},
    {SuspectReason::over_sustained_limit, "over-sustained-limit"},
}};

Screening suspect(SuspectReason reason) { return Screening{SignatureStanding::suspect, reason}; }

}  // namespace

std::string_view to_string(SignatureStanding standing) {
  return standing == SignatureStanding::counted ? "counted" : "suspect";
}

std::string_view to_string(SuspectReason reason) {
  for (const auto& [value, name] : reason_names) {
    if (value == reason) return name;
  }
  return "blocked-ip";
}

std::optional<SuspectReason> parse_suspect_reason(std::string_view text) {
  for (const auto& [value, name] : reason_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Screening screen_signature(const BlockList& blocks, SigningRateLimiter& limiter, const IpAddress& ip,
                           const EmailAddress& email) {
  if (const auto blocked = blocks.match(ip, email)) {
    switch (*blocked) {
      case BlockKind::ip:
        return suspect(SuspectReason::blocked_ip);
      case BlockKind::domain:
        return suspect(SuspectReason::blocked_domain);
      case BlockKind::email:
        return suspect(SuspectReason::blocked_email);
    }
  }
  switch (limiter.admit(ip)) {
    case RateVerdict::within_limits:
      return Screening{SignatureStanding::counted, std::nullopt};
    case RateVerdict::over_burst:
      return suspect(SuspectReason::over_burst_limit);
    case RateVerdict::over_sustained:
      return suspect(SuspectReason::over_sustained_limit);
  }
  return Screening{SignatureStanding::counted, std::nullopt};
}

}  // namespace recall::public_petition
