// The rules engine: condition (condition_check.cpp), then exclusions, notice, timetable, threshold and
// early end. Every law-specific number comes from the policy, so a new jurisdiction is a new file.
#include "core/rules/evaluate.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/working_days.hpp"
#include "core/rules/condition_check.hpp"
#include "core/rules/rules_text.hpp"

namespace recall {

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

  rules_detail::Check result = rules_detail::check_condition(policy, event, context);
  if (result.met && result.met_on && context.as_of && *result.met_on > *context.as_of) {
    result.met = false;
    result.pending = true;
    result.reason += fmt::format(" That is after {}, the day of this evaluation, so the condition is not met yet.",
                                 plain_date(*context.as_of));
  }
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
