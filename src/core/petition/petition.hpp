#pragma once
// A statutory recall petition (DOMAIN.md section 1) as the petition officer runs it: opened from a
// Speaker's notice under one policy, with its timetable fixed at opening. Its phase follows from the
// timetable, the local date and time in the constituency, and what the officer has recorded since.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/date.hpp"
#include "core/petition/declaration.hpp"
#include "core/petition/local_time.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {

// s.13: why signing stopped before the end of the signing period.
enum class TerminationReason { dissolution, seat_vacated, overturned_on_appeal };
std::string_view to_string(TerminationReason reason);  // "dissolution", "seat-vacated", "overturned-on-appeal"
std::optional<TerminationReason> parse_termination_reason(std::string_view text);

struct Termination {
  Date on;                   // the day notice of termination is given: signing stops then, and not later than the period's end
  TerminationReason reason;
  std::string detail;        // the officer's words, e.g. "MP resigned (Chiltern Hundreds)"
  bool operator==(const Termination&) const = default;
};

struct Petition {
  std::int64_t id = 0;       // assigned by the store
  std::string ons_code;      // constituency
  std::string member_id;     // the MP (core/parliament member id, e.g. "2017-E14000878")
  std::string mp_name;       // as at the notice, for notices and pages
  std::string constituency_name;
  std::string policy_id;     // "uk-2015", "uk-change-of-party", ...
  std::string condition;     // ConditionKind wire name: "custodial-sentence", "party-change", ...
  std::string condition_detail;  // "custodial sentence of 3 months"
  Date notice;               // the Speaker's notice
  TimetableOverrides overrides;
  std::string override_reason;  // required when overrides are set; shown on the timetable page
  Timetable timetable;       // computed at opening from the policy (and overrides); stored as computed
  std::int64_t register_id = 0;      // the electoral register in use (store RegisterInfo id)
  long maximum_signing_places = 0;   // from the policy (0: no limit)
  bool online_signing = false;       // from the policy
  bool postal_signing = true;
  bool proxy_signing = true;
  std::string opened_at;             // "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<Termination> termination;
  std::optional<Declaration> count;  // the result of the count, once run (sealed until declared)
  std::optional<std::string> counted_at;
  std::optional<std::string> speaker_notified_at;
  std::optional<std::string> declared_at;  // the public notice; the seat is vacated now if successful

  bool operator==(const Petition&) const = default;
};

enum class PetitionPhase {
  awaiting_signing,  // opened; before the designated day
  signing,           // the signing period, not terminated
  closed,            // after the last day of signing (or a termination); not yet counted
  counted,           // the count is done; the Speaker not yet notified
  speaker_notified,  // the Speaker has been notified; public notice not yet given
  declared,          // public notice given: the result is public
};
std::string_view to_string(PetitionPhase phase);  // "awaiting-signing", "signing", "closed", ...

// The last day on which anyone may sign: the day before a termination, else the end of the period.
Date last_signing_day(const Petition& petition);
PetitionPhase phase_of(const Petition& petition, const LocalDateTime& now);
// Whether totals and who-signed are secret: every phase before `declared`.
bool is_sealed(PetitionPhase phase);

}  // namespace recall
