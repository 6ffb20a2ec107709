// Checks an event against the matching condition of a policy. Reasons cite the policy's section.
#include "core/rules/condition_check.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/rules_text.hpp"

namespace recall::rules_detail {

using rules_text::party_name;
using rules_text::plain_date;

namespace {

Check not_met(std::string citation, std::string reason) {
  Check out;
  out.citation = std::move(citation);
  out.reason = std::move(reason);
  return out;
}

Check not_recognised(const Policy& policy, ConditionKind kind) {
  std::string list;
  const auto kinds = condition_kinds(policy);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    std::string citation;
    switch (kinds[i]) {
      case ConditionKind::custodial_sentence: citation = policy.conditions.custodial_sentence->citation; break;
      case ConditionKind::suspension: citation = policy.conditions.suspension->citation; break;
      case ConditionKind::allowance_conviction: citation = policy.conditions.allowance_conviction->citation; break;
      case ConditionKind::party_change: citation = policy.conditions.party_change->citation; break;
      case ConditionKind::voter_application: citation = policy.conditions.voter_application->citation; break;
    }
    if (i > 0) list += i + 1 == kinds.size() ? " and " : ", ";
    list += fmt::format("{} ({})", rules_text::condition_noun(kinds[i]), citation);
  }
  return not_met({}, fmt::format("{} is not a recall condition under {}: its conditions are {}.",
                                 rules_text::capitalised(rules_text::condition_noun(kind)), policy.title, list));
}

// Convictions count only after the member became an MP (the day after polling day) and on or after
// the policy came into force (Recall of MPs Act 2015 s.2(1), s.2(5)).
std::optional<Check> conviction_too_early(const Policy& policy, const std::string& citation, Date convicted_on,
                                          const Context& context) {
  if (convicted_on < policy.in_force) {
    return not_met(citation, fmt::format("{}: the conviction on {} came before {} came into force on {}.", citation,
                                         plain_date(convicted_on), policy.title, plain_date(policy.in_force)));
  }
  if (convicted_on <= context.member.elected_on) {
    return not_met(citation, fmt::format("{}: the conviction on {} came before the member became an MP, at the start of "
                                         "the day after polling day ({}).",
                                         citation, plain_date(convicted_on), plain_date(context.member.elected_on)));
  }
  return std::nullopt;
}

// Applies the appeal-period rule: pending while the appeal period has not ended.
Check after_appeal(bool after_appeal_period, const std::optional<Date>& appeal_period_end, Date otherwise_met_on,
                   const Context& context, std::string citation, const std::string& what) {
  Check out;
  out.citation = std::move(citation);
  if (!after_appeal_period) {
    out.met = true;
    out.met_on = otherwise_met_on;
    out.reason = fmt::format("{}: {}.", out.citation, what);
    return out;
  }
  if (!appeal_period_end) {
    out.pending = true;
    out.reason = fmt::format("{}: {}, but the condition is met only when the appeal period ends without the "
                             "conviction being overturned, and the end of the appeal period is not known yet.",
                             out.citation, what);
    return out;
  }
  if (context.as_of && *appeal_period_end > *context.as_of) {
    out.pending = true;
    out.reason = fmt::format("{}: {}, but the appeal period does not end until {}; the condition is met then if the "
                             "conviction is not overturned.",
                             out.citation, what, plain_date(*appeal_period_end));
    return out;
  }
  out.met = true;
  out.met_on = *appeal_period_end;
  out.reason = fmt::format("{}: {}, and the appeal period ended on {} without the conviction being overturned.",
                           out.citation, what, plain_date(*appeal_period_end));
  return out;
}

Check check(const Policy& policy, const CustodialSentence& e, const Context& context) {
  const auto& rule = policy.conditions.custodial_sentence;
  if (!rule) return not_recognised(policy, ConditionKind::custodial_sentence);
  const auto& cit = rule->citation;
  if (auto early = conviction_too_early(policy, cit, e.convicted_on, context)) return *early;
  if (e.remand_only && !rule->remand_counts) {
    return not_met(cit, fmt::format("{}: being remanded in custody is not a sentence of imprisonment or detention, so "
                                    "it does not meet the condition.",
                                    cit));
  }
  if (e.hospital_order_only && !rule->hospital_order_counts) {
    return not_met(cit, fmt::format("{}: detention under mental health legislation alone, with no sentence of "
                                    "imprisonment or detention, does not meet the condition.",
                                    cit));
  }
  if (e.suspended && !rule->suspended_sentence_counts) {
    return not_met(cit, fmt::format("{}: a suspended sentence does not meet the condition under this policy.", cit));
  }
  if (e.overturned_on_appeal) {
    return not_met(cit, fmt::format("{}: the conviction or sentence was overturned on appeal, so the condition is not "
                                    "met.",
                                    cit));
  }
  std::string what = fmt::format("the MP was convicted on {} and sentenced to {} of imprisonment or detention{}",
                                 plain_date(e.convicted_on), describe(e.sentence),
                                 e.suspended ? " (suspended, which counts)" : "");
  if (e.remand_only || e.hospital_order_only) what += " (this policy counts it)";
  return after_appeal(rule->after_appeal_period, e.appeal_period_end, e.sentenced_on.value_or(e.convicted_on), context,
                      cit, what);
}

// The shortest number of calendar days a period can be, for the "at least 14 days" test.
long minimum_days(const Suspension& e) {
  switch (e.length.unit) {
    case SpanUnit::days: return e.length.count;
    case SpanUnit::weeks: return 7 * e.length.count;
    case SpanUnit::months:
    case SpanUnit::years: {
      if (e.starts_on) return (rules_text::add_span(*e.starts_on, e.length) - *e.starts_on).count();
      return (e.length.unit == SpanUnit::months ? 28 : 365) * e.length.count;
    }
    case SpanUnit::sitting_days: break;
  }
  return 0;
}

Check check(const Policy& policy, const Suspension& e, const Context&) {
  const auto& rule = policy.conditions.suspension;
  if (!rule) return not_recognised(policy, ConditionKind::suspension);
  const auto& cit = rule->citation;
  if (rule->requires_committee_report && !e.following_committee_report) {
    return not_met(cit, fmt::format("{}: the suspension ordered on {} did not follow a report from the Committee on "
                                    "Standards.",
                                    cit, plain_date(e.ordered_on)));
  }
  const std::string ordered = fmt::format("{}the House ordered on {} that the MP be suspended for {}",
                                          rule->requires_committee_report
                                              ? "following a report from the Committee on Standards, "
                                              : "",
                                          plain_date(e.ordered_on), describe(e.length));
  Check out;
  out.citation = cit;
  if (e.length.unit == SpanUnit::sitting_days) {
    out.met = e.length.count >= rule->minimum_sitting_days;
    out.reason = fmt::format("{}: {}, {} the {} sitting days required.", cit, ordered,
                             out.met ? "which is at least" : "fewer than", rule->minimum_sitting_days);
  } else {
    const long days = minimum_days(e);
    out.met = days >= rule->minimum_days;
    const std::string length = e.length.unit == SpanUnit::days ? std::string() : fmt::format(" ({} days)", days);
    out.reason = fmt::format("{}: {}{}, {} the {} days required where the period is not expressed in sitting days.",
                             cit, ordered, length, out.met ? "which is at least" : "fewer than", rule->minimum_days);
  }
  if (out.met) out.met_on = e.ordered_on;
  return out;
}

Check check(const Policy& policy, const AllowanceConviction& e, const Context& context) {
  const auto& rule = policy.conditions.allowance_conviction;
  if (!rule) return not_recognised(policy, ConditionKind::allowance_conviction);
  const auto& cit = rule->citation;
  if (auto early = conviction_too_early(policy, cit, e.convicted_on, context)) return *early;
  if (e.overturned_on_appeal) {
    return not_met(cit, fmt::format("{}: the conviction was overturned on appeal, so the condition is not met.", cit));
  }
  const std::string what = fmt::format(
      "the MP was convicted on {} of providing false or misleading information for allowance claims, whatever the "
      "sentence",
      plain_date(e.convicted_on));
  return after_appeal(rule->after_appeal_period, e.appeal_period_end, e.sentenced_on.value_or(e.convicted_on), context,
                      cit, what);
}

std::string change_wording(const PartyChange& e, const Context& context) {
  const auto from = party_name(context.party_names, e.from_party) +
                    (e.from_party == context.member.elected_party ? " (the party elected for)" : "");
  const auto to = party_name(context.party_names, e.to_party);
  switch (e.kind) {
    case PartyChangeKind::left_party:
      return e.to_party == "ind" ? fmt::format("left {} to sit as an independent", from)
                                 : fmt::format("left {} to sit as {}", from, to);
    case PartyChangeKind::resigned_whip: return fmt::format("resigned the whip of {}", from);
    case PartyChangeKind::joined_another: return fmt::format("left {} and joined {}", from, to);
  }
  return fmt::format("changed from {} to {}", from, to);
}

Check check(const Policy& policy, const PartyChange& e, const Context& context) {
  const auto& rule = policy.conditions.party_change;
  if (!rule) return not_recognised(policy, ConditionKind::party_change);
  const auto& cit = rule->citation;
  if (e.from_party == e.to_party) {
    throw_invalid(fmt::format("a party change needs two different parties (both are '{}')", e.from_party),
                  SourceLocation{"event", 0, 0, "to_party"});
  }
  if (!e.on && !e.known_by) {
    throw_invalid("a party change needs its date ('on') or the latest date it can have happened ('known_by')",
                  SourceLocation{"event", 0, 0, "on"});
  }
  const auto when = e.on ? fmt::format("on {}", plain_date(*e.on))
                         : fmt::format("by {} (date not known)", plain_date(*e.known_by));
  const auto elected = party_name(context.party_names, context.member.elected_party);
  if (rule->only_from_elected_party && e.from_party != context.member.elected_party) {
    return not_met(cit, fmt::format("{}: the MP {} {}, but only leaving the party elected for ({}) meets the condition.",
                                    cit, change_wording(e, context), when, elected));
  }
  const bool allowed = (e.kind == PartyChangeKind::left_party && rule->on_leaving_party) ||
                       (e.kind == PartyChangeKind::resigned_whip && rule->on_resigning_whip) ||
                       (e.kind == PartyChangeKind::joined_another && rule->on_joining_another);
  if (!allowed) {
    return not_met(cit, fmt::format("{}: the MP {} {}, which is not a kind of change this policy counts.", cit,
                                    change_wording(e, context), when));
  }
  Check out;
  out.citation = cit;
  out.met = true;
  out.reason = fmt::format("{}: the MP {} {}.", cit, change_wording(e, context), when);
  if (e.on) {
    out.met_on = e.on;
  } else {
    out.date_unknown_note = fmt::format("The change is known only to have happened by {}, date not known, so no "
                                        "notice date or timetable can be given.",
                                        plain_date(*e.known_by));
  }
  return out;
}

Check check(const Policy& policy, const VoterApplication& e, const Context&) {
  const auto& rule = policy.conditions.voter_application;
  if (!rule) return not_recognised(policy, ConditionKind::voter_application);
  Check out;
  out.citation = rule->citation;
  out.met = true;
  out.met_on = e.applied_on;
  out.reason = fmt::format("{}: a registered voter applied on {} for a recall petition.", rule->citation,
                           plain_date(e.applied_on));
  return out;
}


}  // namespace

Check check_condition(const Policy& policy, const Event& event, const Context& context) {
  return std::visit([&](const auto& detail) { return check(policy, detail, context); }, event.detail);
}

}  // namespace recall::rules_detail
