#pragma once
// A recall policy: one jurisdiction's (or one proposal's) recall law as data, loaded from
// policies/<id>.yaml. The engine in evaluate.hpp runs every policy; nothing about a particular law is
// hard-coded, so a typo in a key is an error rather than a silent change of the law.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {

// What can trigger a recall. The same kinds name events (event.hpp).
enum class ConditionKind { custodial_sentence, suspension, allowance_conviction, party_change, voter_application };
std::string to_string(ConditionKind kind);                // "custodial-sentence", "party-change", ...
ConditionKind parse_condition_kind(std::string_view text);  // throws Error(invalid_input)

// A length of time as the law or the House expresses it ("30 sitting days", "3 months").
enum class SpanUnit { sitting_days, days, weeks, months, years };
std::string to_string(SpanUnit unit);                     // "sitting-days", "days", "weeks", "months", "years"
SpanUnit parse_span_unit(std::string_view text);          // accepts singular forms too; throws Error(invalid_input)

struct Span {
  long count = 0;
  SpanUnit unit = SpanUnit::days;
};
std::string describe(const Span& span);                   // "30 sitting days", "1 month"

// Percentages are exact: hundredths of a percent (10% = 1000, 12.5% = 1250), never floating point.
using BasisPoints = long;
BasisPoints parse_percent(std::string_view text);         // "10", "12.5", "0.25"; throws Error(invalid_input)
std::string format_percent(BasisPoints value);            // 1000 -> "10", 1250 -> "12.5"

struct CustodialSentenceCondition {
  std::string citation;              // "s.1(3), s.2(3)"
  bool suspended_sentence_counts = true;
  bool remand_counts = false;
  bool hospital_order_counts = false;  // detention under mental health legislation alone
  bool after_appeal_period = true;     // met only once the appeal period ends without the conviction overturned
};

struct SuspensionCondition {
  std::string citation;              // "s.1(4)-(5)"
  bool requires_committee_report = true;
  long minimum_sitting_days = 10;    // when the period is expressed in sitting days
  long minimum_days = 14;            // in any other case (however expressed)
};

struct AllowanceConvictionCondition {
  std::string citation;              // "s.1(9)"
  bool after_appeal_period = true;
};

struct PartyChangeCondition {
  std::string citation;
  bool on_leaving_party = true;      // leaves the party elected for (sits as an independent)
  bool on_resigning_whip = true;     // resigns the whip of the party elected for
  bool on_joining_another = true;    // joins another party
  bool only_from_elected_party = true;  // a later change between two other parties does not count
};

struct VoterApplicationCondition {
  std::string citation;              // any registered voter may apply (British Columbia, California)
};

// Each is absent when the policy does not recognise that condition.
struct Conditions {
  std::optional<CustodialSentenceCondition> custodial_sentence;
  std::optional<SuspensionCondition> suspension;
  std::optional<AllowanceConvictionCondition> allowance_conviction;
  std::optional<PartyChangeCondition> party_change;
  std::optional<VoterApplicationCondition> voter_application;
};

// A period-based exclusion ("the last possible polling day is within 6 months").
struct PeriodExclusion {
  Span period;
  std::string citation;
};

struct FlagExclusion {
  std::string citation;
};

struct Exclusions {
  std::optional<PeriodExclusion> general_election_within;        // notice within this period of the last possible polling day
  std::optional<FlagExclusion> petition_under_way;
  std::optional<FlagExclusion> seat_vacant;
  std::optional<PeriodExclusion> too_soon_after_election;        // no application within this period after the election
};

// When the notice (Speaker's notice, or the issue of a petition) is assumed to be given, when the
// real date is not known: the day the condition is met, moved to the next working day (calendar day
// for policies without working days) if that day is not one, plus `working_days_after`.
struct NoticeRules {
  std::string citation;              // "s.5(1): as soon as reasonably practicable"
  long working_days_after = 0;
  std::string assumption;            // plain-English statement of the assumption, shown with every evaluation
};

enum class ThresholdComparison { at_least, more_than };
enum class ThresholdBase { register_at_close, register_at_last_election, votes_at_last_election };
std::string to_string(ThresholdComparison comparison);   // "at-least", "more-than"
std::string to_string(ThresholdBase base);               // "register-at-close", ...
ThresholdComparison parse_threshold_comparison(std::string_view text);
ThresholdBase parse_threshold_base(std::string_view text);

struct Threshold {
  BasisPoints percent = 1000;
  ThresholdComparison comparison = ThresholdComparison::at_least;
  ThresholdBase base = ThresholdBase::register_at_close;
  std::string citation;              // "s.14(3)"
};

// Exact integer comparisons: UK at-least-10%: signed * 10 >= base.
bool threshold_met(const Threshold& threshold, long signed_count, long base);
long required_signatures(const Threshold& threshold, long base);  // the smallest count that meets it
std::string describe_rule(const Threshold& threshold);           // "signatures × 10 ≥ eligible registered electors"

// A vote that follows a successful petition (Taiwan).
struct RecallVote {
  bool yes_must_exceed_no = true;
  std::optional<Threshold> yes_threshold;  // yes votes against the electorate (Taiwan: at least 25%)
  std::string citation;
};

// Random-sample verification of signatures (California).
struct SampleVerification {
  BasisPoints sample_percent = 300;  // sample this share of raw signatures ...
  long sample_minimum = 500;         // ... or this many, whichever is greater (never more than all)
  BasisPoints certify_above = 11000; // projected valid > 110% of the requirement: certify
  BasisPoints full_count_from = 9000;// 90%..110%: full count; below 90%: fails
  std::string citation;
};

enum class SampleDecision { certify, full_count, fail };
std::string to_string(SampleDecision decision);  // "certify", "full-count", "fail"
long sample_size(const SampleVerification& rules, long raw_signatures);
// Projects valid signatures as valid_in_sample / sample * raw, compared exactly in integers.
SampleDecision decide_sample(const SampleVerification& rules, long raw_signatures, long sample, long valid_in_sample,
                             long required);

struct SigningRules {
  long maximum_signing_places = 0;   // 0: no limit
  bool running_totals_sealed = true;
  bool online_signing = false;
  bool postal_signing = true;
  bool proxy_signing = true;
  std::string citation;
};

// s.13: what ends a petition early.
struct EarlyTermination {
  bool on_dissolution = true;
  bool on_seat_vacated = true;
  bool on_overturned_on_appeal = true;
  std::string citation;
};

struct Policy {
  std::string id;            // "uk-2015": the file name without .yaml
  std::string title;
  std::string jurisdiction;  // "United Kingdom"
  std::string summary;
  Date in_force;
  std::string source;        // law citation and URL text
  Conditions conditions;
  Exclusions exclusions;
  NoticeRules notice;
  TimetableRules timetable;
  std::optional<Threshold> proposal_threshold;  // a first stage before the petition (Taiwan)
  Threshold threshold;
  std::optional<RecallVote> recall_vote;
  std::optional<SampleVerification> sample_verification;
  SigningRules signing;
  EarlyTermination early_termination;
  std::string on_success;    // "by-election" | "seat-vacated" | "recall-vote"
  std::string file;          // where it was loaded from
};

bool threshold_met(const Policy& policy, long signed_count, long base);  // the petition threshold
bool has_condition(const Policy& policy, ConditionKind kind);
std::vector<ConditionKind> condition_kinds(const Policy& policy);  // in enum order

// Errors name the file, line and column (from yaml-cpp's Mark) and the key.
Policy parse_policy(std::string_view yaml_text, const std::string& file_name);
Policy load_policy(const std::filesystem::path& path);

}  // namespace recall
