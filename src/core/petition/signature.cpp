#include "core/petition/signature.hpp"

#include <array>
#include <utility>

namespace recall {

namespace {
constexpr std::array<std::pair<SigningChannel, std::string_view>, 5> channel_names{{
    {SigningChannel::in_person, "in-person"},
    {SigningChannel::postal, "postal"},
    {SigningChannel::proxy_in_person, "proxy-in-person"},
    {SigningChannel::proxy_postal, "proxy-postal"},
    {SigningChannel::online, "online"},
}};

struct ReasonText {
  RejectionReason reason;
  std::string_view name;
  std::string_view description;
};
constexpr std::array<ReasonText, 5> reason_texts{{
    {RejectionReason::want_of_official_mark, "want-of-official-mark", "Want of an official mark"},
    {RejectionReason::unmarked_or_void_for_uncertainty, "unmarked-or-void-for-uncertainty",
     "Unmarked or void for uncertainty"},
    {RejectionReason::identifiers_failed, "identifiers-failed", "Personal identifiers did not match"},
    {RejectionReason::not_entitled, "not-entitled", "Not entitled to sign"},
    {RejectionReason::received_late, "received-late", "Received after the signing period"},
}};

const ReasonText& text_of(RejectionReason reason) {
  for (const auto& text : reason_texts) {
    if (text.reason == reason) return text;
  }
  return reason_texts.front();  // unreachable: every enumerator is listed
}
}  // namespace

std::string_view to_string(SigningChannel channel) {
  for (const auto& [value, name] : channel_names) {
    if (value == channel) return name;
  }
  return "in-person";
}

std::optional<SigningChannel> parse_signing_channel(std::string_view text) {
  for (const auto& [value, name] : channel_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(RejectionReason reason) { return text_of(reason).name; }
std::string_view describe(RejectionReason reason) { return text_of(reason).description; }

std::optional<RejectionReason> parse_rejection_reason(std::string_view text) {
  for (const auto& entry : reason_texts) {
    if (entry.name == text) return entry.reason;
  }
  return std::nullopt;
}

}  // namespace recall
