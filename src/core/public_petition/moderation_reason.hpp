#pragma once
// Why a moderator refused a public petition, after the e-petitions standards (DOMAIN.md section 4).
// Each reason has a wire name for forms, JSON and the store, and the sentence shown to the public.
// Some reasons mean the text itself must not be shown (it could defame, offend or expose someone):
// a petition refused for one of those is hidden, not merely rejected.
#include <optional>
#include <span>
#include <string_view>

namespace recall::public_petition {

enum class ModerationReason {
  duplicate,        // the same as a petition already open
  no_clear_action,  // it does not ask for a clear action
  irrelevant,       // not a matter for the Government or Parliament
  already_done,     // the Government or Parliament already does, or has done, what it asks
  honours,          // about honours or appointments
  foi_request,      // a freedom of information request, not a petition
  nonsense,         // nonsense or a joke
  advert,           // an advert, spam, or promotes a product or service
  fake_name,        // a creator or sponsor name that is not a real person's
  offensive,        // offensive, abusive or discriminatory language
  libellous,        // could be defamatory
  confidential,     // personal or confidential information, or could breach a court order
  copyright,        // includes material that may be protected by copyright
};

std::string_view to_string(ModerationReason reason);  // "duplicate", "no-clear-action", ...
std::optional<ModerationReason> parse_moderation_reason(std::string_view text);
std::string_view public_description(ModerationReason reason);  // "It called for the same action as ..."
// Whether the petition's text must be withdrawn from public view (state `hidden`).
bool hides_text(ModerationReason reason);
std::span<const ModerationReason> all_moderation_reasons();  // in the order a moderator's list shows them

}  // namespace recall::public_petition
