// Names of the policy enums as they appear in YAML, JSON and URLs.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/policy.hpp"

namespace recall {

std::string to_string(ConditionKind kind) {
  switch (kind) {
    case ConditionKind::custodial_sentence: return "custodial-sentence";
    case ConditionKind::suspension: return "suspension";
    case ConditionKind::allowance_conviction: return "allowance-conviction";
    case ConditionKind::party_change: return "party-change";
    case ConditionKind::voter_application: return "voter-application";
  }
  return "custodial-sentence";
}

ConditionKind parse_condition_kind(std::string_view text) {
  for (auto kind : {ConditionKind::custodial_sentence, ConditionKind::suspension, ConditionKind::allowance_conviction,
                    ConditionKind::party_change, ConditionKind::voter_application}) {
    if (text == to_string(kind)) return kind;
  }
  throw_invalid(fmt::format("unknown condition '{}' (expected custodial-sentence, suspension, allowance-conviction, "
                            "party-change or voter-application)",
                            text));
}

std::string to_string(SpanUnit unit) {
  switch (unit) {
    case SpanUnit::sitting_days: return "sitting-days";
    case SpanUnit::days: return "days";
    case SpanUnit::weeks: return "weeks";
    case SpanUnit::months: return "months";
    case SpanUnit::years: return "years";
  }
  return "days";
}

SpanUnit parse_span_unit(std::string_view text) {
  for (auto unit : {SpanUnit::sitting_days, SpanUnit::days, SpanUnit::weeks, SpanUnit::months, SpanUnit::years}) {
    const auto plural = to_string(unit);
    if (text == plural || text == std::string_view(plural).substr(0, plural.size() - 1)) return unit;
  }
  if (text == "sitting days" || text == "sitting day") return SpanUnit::sitting_days;
  throw_invalid(fmt::format("unknown unit '{}' (expected sitting-days, days, weeks, months or years)", text));
}

std::string describe(const Span& span) {
  std::string unit = to_string(span.unit);
  if (span.unit == SpanUnit::sitting_days) unit = "sitting days";
  if (span.count == 1) unit.pop_back();
  return fmt::format("{} {}", span.count, unit);
}

BasisPoints parse_percent(std::string_view text) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  auto all_digits = [](std::string_view part) {
    for (char c : part) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if (whole.empty() || whole.size() > 5 || !all_digits(whole) || !all_digits(fraction) || fraction.size() > 2 ||
      (dot != std::string_view::npos && fraction.empty())) {
    throw_invalid(fmt::format("'{}' is not a percentage with at most two decimal places (e.g. 10 or 12.5)", text));
  }
  long value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  long hundredths = 0;
  for (std::size_t i = 0; i < 2; ++i) hundredths = hundredths * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  return value * 100 + hundredths;
}

std::string format_percent(BasisPoints value) {
  const long whole = value / 100;
  const long rest = value % 100;
  if (rest == 0) return fmt::format("{}", whole);
  if (rest % 10 == 0) return fmt::format("{}.{}", whole, rest / 10);
  return fmt::format("{}.{:02}", whole, rest);
}

std::string to_string(ThresholdComparison comparison) {
  return comparison == ThresholdComparison::at_least ? "at-least" : "more-than";
}

std::string to_string(ThresholdBase base) {
  switch (base) {
    case ThresholdBase::register_at_close: return "register-at-close";
    case ThresholdBase::register_at_last_election: return "register-at-last-election";
    case ThresholdBase::votes_at_last_election: return "votes-at-last-election";
  }
  return "register-at-close";
}

ThresholdComparison parse_threshold_comparison(std::string_view text) {
  if (text == "at-least") return ThresholdComparison::at_least;
  if (text == "more-than") return ThresholdComparison::more_than;
  throw_invalid(fmt::format("unknown comparison '{}' (expected at-least or more-than)", text));
}

ThresholdBase parse_threshold_base(std::string_view text) {
  for (auto base : {ThresholdBase::register_at_close, ThresholdBase::register_at_last_election,
                    ThresholdBase::votes_at_last_election}) {
    if (text == to_string(base)) return base;
  }
  throw_invalid(fmt::format(
      "unknown base '{}' (expected register-at-close, register-at-last-election or votes-at-last-election)", text));
}

std::string to_string(SampleDecision decision) {
  switch (decision) {
    case SampleDecision::certify: return "certify";
    case SampleDecision::full_count: return "full-count";
    case SampleDecision::fail: return "fail";
  }
  return "fail";
}

bool has_condition(const Policy& policy, ConditionKind kind) {
  const auto& c = policy.conditions;
  switch (kind) {
    case ConditionKind::custodial_sentence: return c.custodial_sentence.has_value();
    case ConditionKind::suspension: return c.suspension.has_value();
    case ConditionKind::allowance_conviction: return c.allowance_conviction.has_value();
    case ConditionKind::party_change: return c.party_change.has_value();
    case ConditionKind::voter_application: return c.voter_application.has_value();
  }
  return false;
}

std::vector<ConditionKind> condition_kinds(const Policy& policy) {
  std::vector<ConditionKind> out;
  for (auto kind : {ConditionKind::custodial_sentence, ConditionKind::suspension, ConditionKind::allowance_conviction,
                    ConditionKind::party_change, ConditionKind::voter_application}) {
    if (has_condition(policy, kind)) out.push_back(kind);
  }
  return out;
}

}  // namespace recall
