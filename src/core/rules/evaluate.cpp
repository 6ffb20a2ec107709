// The rules engine. Each condition check reads only its policy parameters, so a new jurisdiction is
// a new policy file, not new code.
#include "core/rules/evaluate.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/working_days.hpp"
#include "core/rules/rules_text.hpp"

namespace recall {

using rules_text::party_name;
using rules_text::plain_date;

std::string to_string(ExclusionKind kind) {
  switch (kind) {
    case ExclusionKind::general_election_due: return "general-election-due";
    case ExclusionKind::petition_under_way: return "petition-under-way";
    case ExclusionKind::seat_vacant: return "seat-vacant";
    case ExclusionKind::too_soon_after_election: return "too-soon-after-election";
  }
  return "seat-vacant";
}

namespace {

struct Check {
  bool met = false;
  bool pending = false;
  std::string citation;
  std::string reason;
  std::optional<Date> met_on;
  std::string date_unknown_note;  // met, but on a date not known
};

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
    return not_met(citation, fmt::format("{}: the conviction on {} came before the member became an MP (elected on {}).",
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
    out.reason = fmt::format("{}: {}, {} the {} sitting days needed.", cit, ordered,
                             out.met ? "at least" : "fewer than", rule->minimum_sitting_days);
  } else {
    const long days = minimum_days(e);
    out.met = days >= rule->minimum_days;
    const std::string length = e.length.unit == SpanUnit::days ? std::string() : fmt::format(" ({} days)", days);
    out.reason = fmt::format("{}: {}{}, {} the {} days needed where the period is not expressed in sitting days.", cit,
                             ordered, length, out.met ? "at least" : "fewer than", rule->minimum_days);
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

const ElectionResult* last_result(const Context& context) {
  const ElectionResult* best = nullptr;
  for (const auto& result : context.constituency.results) {
    if (context.member.parliament != 0 && result.year > context.member.parliament) continue;
    if (!best || result.held_on > best->held_on) best = &result;
  }
  return best;
}

}  // namespace

ThresholdFigure threshold_figure(const Threshold& threshold, const Context& context) {
  ThresholdFigure out;
  out.threshold = threshold;
  out.rule = describe_rule(threshold);
  if (context.base_count) {
    out.base = *context.base_count;
    out.base_source = "given";
  } else if (const auto* result = last_result(context)) {
    switch (threshold.base) {
      case ThresholdBase::register_at_close:
        out.base = result->electorate;
        out.base_source = fmt::format("estimate: the electorate at the {} general election (the count uses the register "
                                      "on the last day of the signing period)",
                                      result->year);
        break;
      case ThresholdBase::register_at_last_election:
        out.base = result->electorate;
        out.base_source = fmt::format("the electorate at the {} general election", result->year);
        break;
      case ThresholdBase::votes_at_last_election:
        out.base = result->valid_votes;
        out.base_source = fmt::format("valid votes cast at the {} general election", result->year);
        break;
    }
  } else {
    out.base_source = "not known";
  }
  if (out.base) out.required = required_signatures(threshold, *out.base);
  return out;
}

namespace {

Date assumed_notice(const Policy& policy, HolidayRegion region, Date met_on) {
  if (!policy.timetable.uses_working_days) return met_on + std::chrono::days{policy.notice.working_days_after};
  Date notice = is_working_day(region, met_on) ? met_on : add_working_days(region, met_on, 1);
  if (policy.notice.working_days_after > 0) {
    notice = add_working_days(region, notice, static_cast<int>(policy.notice.working_days_after));
  }
  return notice;
}

std::optional<Exclusion> find_exclusion(const Policy& policy, const Context& context, Date met_on, Date notice) {
  const auto& ex = policy.exclusions;
  const auto& dates = context.parliament;
  if (dates.dissolved_on && met_on >= *dates.dissolved_on) {
    const auto citation = ex.seat_vacant ? ex.seat_vacant->citation : policy.early_termination.citation;
    return Exclusion{ExclusionKind::seat_vacant, citation,
                     fmt::format("{}: Parliament was dissolved on {}, so there was no MP to recall when the condition "
                                 "was met on {}.",
                                 citation, plain_date(*dates.dissolved_on), plain_date(met_on))};
  }
  if (ex.seat_vacant && context.seat_vacant) {
    return Exclusion{ExclusionKind::seat_vacant, ex.seat_vacant->citation,
                     fmt::format("{}: the seat is already vacant, so no notice is given.", ex.seat_vacant->citation)};
  }
  if (ex.petition_under_way && context.petition_under_way) {
    return Exclusion{ExclusionKind::petition_under_way, ex.petition_under_way->citation,
                     fmt::format("{}: a recall petition for this MP is already under way, so no further notice is "
                                 "given.",
                                 ex.petition_under_way->citation)};
  }
  if (ex.general_election_within) {
    // "Within 6 months" of the last possible polling day: the period of 6 months ending with that day,
    // so a notice after the same date 6 months earlier is excluded.
    const Date from = rules_text::add_span(dates.last_possible_election, Span{-ex.general_election_within->period.count,
                                                                               ex.general_election_within->period.unit});
    if (notice > from) {
      const auto& cit = ex.general_election_within->citation;
      return Exclusion{ExclusionKind::general_election_due, cit,
                       fmt::format("{}: the notice would be given on {}, within {} of {}, the last possible polling day "
                                   "for the next general election ({}), so no notice is given.",
                                   cit, plain_date(notice), describe(ex.general_election_within->period),
                                   plain_date(dates.last_possible_election), dates.last_possible_source)};
    }
  }
  if (ex.too_soon_after_election) {
    const Date election = context.member.elected_on;
    const Date earliest = rules_text::add_span(election, ex.too_soon_after_election->period);
    if (met_on < earliest) {
      const auto& cit = ex.too_soon_after_election->citation;
      return Exclusion{ExclusionKind::too_soon_after_election, cit,
                       fmt::format("{}: {} is within {} of the member's election on {}; the earliest date is {}.", cit,
                                   plain_date(met_on), describe(ex.too_soon_after_election->period),
                                   plain_date(election), plain_date(earliest))};
    }
  }
  return std::nullopt;
}

}  // namespace

Evaluation evaluate(const Policy& policy, const Event& event, const Context& context) {
  Evaluation out;
  out.policy_id = policy.id;
  out.policy_title = policy.title;
  out.event = event;
  out.condition = event.kind();
  out.notice_assumption = policy.notice.assumption;
  out.threshold = threshold_figure(policy.threshold, context);

  const Check result = std::visit([&](const auto& detail) { return check(policy, detail, context); }, event.detail);
  out.condition_met = result.met;
  out.pending = result.pending;
  out.citation = result.citation;
  out.reason = result.reason;
  if (!result.met) {
    out.timetable_note = result.pending ? "No timetable until the condition is met."
                                        : "No petition: the condition is not met.";
    return out;
  }
  if (!result.met_on) {
    out.timetable_note = result.date_unknown_note;
    return out;
  }
  out.condition_met_on = result.met_on;

  const HolidayRegion region = holiday_region(context.constituency.nation);
  Date notice = assumed_notice(policy, region, *result.met_on);
  if (context.speaker_notice) {
    if (*context.speaker_notice < *result.met_on) {
      throw_invalid(fmt::format("the notice ({}) cannot come before the condition was met ({})",
                                to_iso(*context.speaker_notice), to_iso(*result.met_on)),
                    SourceLocation{"context", 0, 0, "speaker_notice"});
    }
    notice = *context.speaker_notice;
  }
  out.exclusion = find_exclusion(policy, context, *result.met_on, notice);
  if (out.exclusion) {
    out.timetable_note = fmt::format("No notice is given, so there is no petition: {}", out.exclusion->reason);
    return out;
  }
  out.notice = notice;
  out.notice_assumed = !context.speaker_notice.has_value();
  out.timetable = compute_timetable(policy.timetable, region, notice, context.overrides);

  const auto& dissolved = context.parliament.dissolved_on;
  if (policy.early_termination.on_dissolution && dissolved && *dissolved >= notice &&
      *dissolved <= out.timetable->signing_period_end) {
    const auto& cit = policy.early_termination.citation;
    out.early_end = EarlyEnd{*dissolved, cit,
                             fmt::format("{}: Parliament was dissolved on {}, before the signing period would have "
                                         "ended on {}, so the petition would have ended early.",
                                         cit, plain_date(*dissolved), plain_date(out.timetable->signing_period_end))};
  }
  return out;
}

}  // namespace recall
