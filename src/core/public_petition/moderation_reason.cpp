#include "core/public_petition/moderation_reason.hpp"

#include <array>

namespace recall::public_petition {

namespace {

struct ReasonInfo {
  ModerationReason reason;
  std::string_view name;
  std::string_view description;
  bool hides_text;
};

constexpr std::array<ReasonInfo, 13> reasons{{
    {ModerationReason::duplicate, "duplicate",
     "There's already a petition about this issue. We cannot accept a new petition when we already have one "
     "about a very similar issue.",
     false},
    {ModerationReason::no_clear_action, "no-clear-action",
     "It did not ask for a clear action from the UK Government or Parliament.", false},
    {ModerationReason::irrelevant, "irrelevant",
     "It's about something that the UK Government or Parliament is not directly responsible for.", false},
    {ModerationReason::already_done, "already-done",
     "The UK Government or Parliament is already doing, or has already done, what the petition asks.", false},
    {ModerationReason::honours, "honours", "It was about honours or appointments.", false},
    {ModerationReason::foi_request, "foi-request",
     "It was a request for information, which is better made as a Freedom of Information request.", false},
    {ModerationReason::nonsense, "nonsense", "It was nonsense or a joke.", false},
    {ModerationReason::advert, "advert", "It was an advert, spam, or promoted a product or service.", false},
    {ModerationReason::fake_name, "fake-name",
     "It was created or sponsored in a name that is not a real person's.", true},
    {ModerationReason::offensive, "offensive", "It included offensive, abusive or discriminatory language.",
     true},
    {ModerationReason::libellous, "libellous", "It included content that could be defamatory.", true},
    {ModerationReason::confidential, "confidential",
     "It included personal or confidential information, or information that might breach a court order.",
     true},
    {ModerationReason::copyright, "copyright", "It included material that may be protected by copyright.",
     true},
}};

constexpr std::array<ModerationReason, reasons.size()> reason_order = [] {
  std::array<ModerationReason, reasons.size()> out{};
  for (std::size_t i = 0; i < reasons.size(); ++i) out[i] = reasons[i].reason;
  return out;
}();

const ReasonInfo& info(ModerationReason reason) {
  for (const ReasonInfo& entry : reasons) {
    if (entry.reason == reason) return entry;
  }
  return reasons[0];  // unreachable: every enumerator is in the table
}

}  // namespace

std::string_view to_string(ModerationReason reason) { return info(reason).name; }

std::optional<ModerationReason> parse_moderation_reason(std::string_view text) {
  for (const ReasonInfo& entry : reasons) {
    if (entry.name == text) return entry.reason;
  }
  return std::nullopt;
}

std::string_view public_description(ModerationReason reason) { return info(reason).description; }

bool hides_text(ModerationReason reason) { return info(reason).hides_text; }

std::span<const ModerationReason> all_moderation_reasons() { return reason_order; }

}  // namespace recall::public_petition
