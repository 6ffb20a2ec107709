#pragma once
// The rules engine: one function runs any policy against an event. Pure: no I/O, no clock.
#include <optional>
#include <string>
#include <vector>

#include "core/parliament/parliament.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy.hpp"
#include "core/rules/policy_set.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {

enum class ExclusionKind { general_election_due, petition_under_way, seat_vacant, too_soon_after_election };
std::string to_string(ExclusionKind kind);  // "general-election-due", "petition-under-way", ...

struct Exclusion {
  ExclusionKind kind;
  std::string citation;
  std::string reason;  // "s.5(3): the last possible polling day of the next general election, 5 May 2022, is within 6 months"
};

struct ThresholdFigure {
  Threshold threshold;
  std::string rule;                 // describe_rule(): "signatures × 10 ≥ eligible registered electors"
  std::optional<long> base;         // the base number, when known
  std::string base_source;          // where the base comes from ("2017 general election electorate (estimate)")
  std::optional<long> required;     // required_signatures(threshold, *base)
};

// s.13: an actual dissolution inside the signing period would have ended the petition early.
struct EarlyEnd {
  Date on;
  std::string citation;
  std::string reason;
};

struct Evaluation {
  std::string policy_id;
  std::string policy_title;
  std::optional<Event> event;                   // absent for "no party change"
  bool condition_met = false;
  bool pending = false;                         // may be met later (the appeal period has not ended)
  std::optional<ConditionKind> condition;       // the condition considered (the event's kind)
  std::string citation;                         // of that condition in the policy
  std::string reason;                           // plain English, citing the section
  std::optional<Date> condition_met_on;
  std::optional<Exclusion> exclusion;           // what stops a notice being given
  std::optional<Date> notice;                   // the Speaker's notice (given or assumed)
  bool notice_assumed = false;
  std::string notice_assumption;                // the policy's stated assumption
  std::optional<Timetable> timetable;
  std::string timetable_note;                   // why there is no timetable, when there is none
  ThresholdFigure threshold;
  std::optional<EarlyEnd> early_end;

  // A petition would open: the condition is met and nothing excludes it.
  [[nodiscard]] bool petition_opens() const { return condition_met && !exclusion.has_value(); }
};

Evaluation evaluate(const Policy& policy, const Event& event, const Context& context);

// The threshold as an exact rule and, when the base is known (given, or from the last election), the figure.
ThresholdFigure threshold_figure(const Threshold& threshold, const Context& context);

// A context for a member from reference data: constituency, the Parliament's dates, party names.
Context member_context(const Parliament& parliament, const ParliamentCalendar& calendar, const Member& member);

// The party change in the member's history on `date` (Error(not_found) if none), evaluated.
// `calendar` supplies the Parliament's dates; `parliament` the member's constituency.
Evaluation evaluate_party_change(const Policy& policy, const Parliament& parliament, const ParliamentCalendar& calendar,
                                 const Member& member, Date date);

// The member's party changes as events, oldest first (the first spell is the party elected for).
std::vector<PartyChange> party_changes(const Member& member);

// Per policy (in the set's order), the evaluation of the member's first change away from the party
// elected for; "no party change" when there is none; no timetable when its date is not known.
std::vector<Evaluation> evaluate_member(const PolicySet& policies, const Parliament& parliament,
                                        const ParliamentCalendar& calendar, const Member& member);

}  // namespace recall
