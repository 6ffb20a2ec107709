#pragma once
// Things that happen to an MP and may meet a recall condition, and the context an evaluation needs.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/parliament/model.hpp"
#include "core/rules/policy.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {

struct CustodialSentence {
  Date convicted_on;
  std::optional<Date> sentenced_on;
  Span sentence{3, SpanUnit::months};
  bool suspended = false;             // a suspended sentence
  bool remand_only = false;           // remanded in custody, no sentence
  bool hospital_order_only = false;   // detained under mental health legislation only
  std::optional<Date> appeal_period_end;  // absent: not yet known (the condition is pending)
  bool overturned_on_appeal = false;
};

struct Suspension {
  Date ordered_on;                    // the day the House ordered the suspension: the condition is met then
  std::optional<Date> starts_on;      // s.1(6)(a): when it starts does not matter
  Span length{10, SpanUnit::sitting_days};
  bool following_committee_report = true;
};

struct AllowanceConviction {
  Date convicted_on;
  std::optional<Date> sentenced_on;
  std::optional<Date> appeal_period_end;
  bool overturned_on_appeal = false;
};

enum class PartyChangeKind { left_party, resigned_whip, joined_another };
std::string to_string(PartyChangeKind kind);                 // "left-party", "resigned-whip", "joined-another"
PartyChangeKind parse_party_change_kind(std::string_view text);

struct PartyChange {
  std::optional<Date> on;             // absent when only known_by is known
  std::optional<Date> known_by;       // "by 6 November 2019, date not known"
  std::string from_party;             // canonical party codes (model.hpp)
  std::string to_party;
  PartyChangeKind kind = PartyChangeKind::left_party;
  std::string note;
};

struct VoterApplication {
  Date applied_on;
};

using EventDetail = std::variant<CustodialSentence, Suspension, AllowanceConviction, PartyChange, VoterApplication>;

struct Event {
  EventDetail detail;

  [[nodiscard]] ConditionKind kind() const;
  [[nodiscard]] std::optional<Date> date() const;  // conviction, order, change or application date
};

// The dates of one Parliament, as sourced data (data/parliaments.yaml).
struct ParliamentDates {
  int parliament = 0;                 // 2017, 2019: the year of its general election
  Date general_election;
  std::optional<Date> first_met;
  Date last_possible_election;        // the latest possible polling day of the next general election
  std::string last_possible_source;   // the Act that fixes it
  std::optional<Date> dissolved_on;   // the actual dissolution, when it has happened
  std::string dissolved_source;
};

class ParliamentCalendar {
 public:
  ParliamentCalendar() = default;
  explicit ParliamentCalendar(std::vector<ParliamentDates> parliaments);
  static ParliamentCalendar load(const std::filesystem::path& yaml_file);  // errors name file:line:column and key

  [[nodiscard]] const std::vector<ParliamentDates>& parliaments() const { return parliaments_; }
  [[nodiscard]] const ParliamentDates* find(int parliament) const;
  [[nodiscard]] const ParliamentDates& get(int parliament) const;  // throws Error(not_found)

 private:
  std::vector<ParliamentDates> parliaments_;
};

struct Context {
  Member member;
  Constituency constituency;
  ParliamentDates parliament;
  bool petition_under_way = false;
  bool seat_vacant = false;
  std::optional<Date> speaker_notice;   // when known, used instead of the assumed notice date
  std::optional<long> base_count;       // the threshold base when known (e.g. eligible electors at the close)
  std::optional<Date> as_of;            // evaluate as at this day; absent: every date given has passed
  TimetableOverrides overrides;         // an officer's choices
  std::map<std::string, std::string> party_names;  // canonical code -> name, for reasons; codes shown when absent
};

}  // namespace recall
