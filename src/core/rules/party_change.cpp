// Party changes read from a member's dated party history, and evaluated under every policy.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/rules_text.hpp"

namespace recall {

namespace {

bool contains(std::string text, std::string_view word) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text.find(word) != std::string::npos;
}

// The history records parties, not how the MP left; the source note says it when it is known.
PartyChangeKind infer_kind(const PartySpell& spell) {
  if (contains(spell.note, "whip")) return PartyChangeKind::resigned_whip;
  if (contains(spell.note, "joined")) return PartyChangeKind::joined_another;
  if (spell.party == "ind" || contains(spell.note, "to sit as")) return PartyChangeKind::left_party;
  return PartyChangeKind::joined_another;
}

Evaluation no_party_change(const Policy& policy, const Context& context) {
  Evaluation out;
  out.policy_id = policy.id;
  out.policy_title = policy.title;
  out.condition = ConditionKind::party_change;
  out.notice_assumption = policy.notice.assumption;
  out.threshold = threshold_figure(policy.threshold, context);
  out.reason = fmt::format("No party change: {} sat for {}, the party elected for, throughout.", context.member.name,
                           rules_text::party_name(context.party_names, context.member.elected_party));
  out.timetable_note = "No petition: there is no party change to evaluate.";
  return out;
}

}  // namespace

std::vector<PartyChange> party_changes(const Member& member) {
  std::vector<PartyChange> out;
  for (std::size_t i = 1; i < member.history.size(); ++i) {
    const auto& before = member.history[i - 1];
    const auto& spell = member.history[i];
    if (spell.party == before.party) continue;
    PartyChange change;
    change.on = spell.from;
    if (!spell.from) change.known_by = spell.from_known_by;
    change.from_party = before.party;
    change.to_party = spell.party;
    change.kind = infer_kind(spell);
    change.note = spell.note;
    out.push_back(std::move(change));
  }
  return out;
}

Context member_context(const Parliament& parliament, const ParliamentCalendar& calendar, const Member& member) {
  Context context;
  context.member = member;
  const auto* constituency = parliament.constituency(member.constituency);
  if (!constituency) {
    throw_not_found(fmt::format("no constituency {} for member {}", member.constituency, member.id));
  }
  context.constituency = *constituency;
  context.parliament = calendar.get(member.parliament);
  for (const auto& party : parliament.data().parties) context.party_names[party.code] = party.name;
  return context;
}

Evaluation evaluate_party_change(const Policy& policy, const Parliament& parliament, const ParliamentCalendar& calendar,
                                 const Member& member, Date date) {
  const auto changes = party_changes(member);
  for (const auto& change : changes) {
    if (change.on && *change.on == date) {
      return evaluate(policy, Event{change}, member_context(parliament, calendar, member));
    }
  }
  std::string known;
  for (const auto& change : changes) {
    known += known.empty() ? "" : ", ";
    known += change.on ? to_iso(*change.on) : fmt::format("by {}", to_iso(*change.known_by));
  }
  throw_not_found(fmt::format("{} ({}) has no party change on {}{}", member.name, member.id, to_iso(date),
                              known.empty() ? std::string(" (no party changes)") : fmt::format(" (changes: {})", known)));
}

std::vector<Evaluation> evaluate_member(const PolicySet& policies, const Parliament& parliament,
                                        const ParliamentCalendar& calendar, const Member& member) {
  const auto context = member_context(parliament, calendar, member);
  const auto changes = party_changes(member);
  const auto first = std::find_if(changes.begin(), changes.end(),
                                  [&](const PartyChange& change) { return change.from_party == member.elected_party; });
  std::vector<Evaluation> out;
  out.reserve(policies.size());
  for (const auto& policy : policies.policies()) {
    out.push_back(first == changes.end() ? no_party_change(policy, context) : evaluate(policy, Event{*first}, context));
  }
  return out;
}

}  // namespace recall
