#pragma once
// The electoral register as the petition officer receives it: one record per change. A register is
// a list of these in file order; an elector's state on a day is what their records in effect by then
// make of it (see eligibility.hpp). Column names and letter codes are in docs/register-format.md.
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/date.hpp"

namespace recall {

// What a record does to the elector's entry.
enum class ChangeKind { addition, deletion, correction };

// Why the change was made; s.14 treats each differently around the notice and cut-off days.
enum class ChangeCause { application, late_application, court_order, error_correction };

// Franchise markers, one letter each on the register ("F", "N", "A"); an entry may carry several.
struct FranchiseMarkers {
  bool overseas = false;   // F: overseas elector (parliamentary franchise only)
  bool anonymous = false;  // N: anonymous entry, no name or address published
  bool attainer = false;   // A: turns 18 during the life of the register; date of birth given

  bool operator==(const FranchiseMarkers&) const = default;
};

// Absent-voting arrangement, one code: "" none, "P" postal, "X" proxy, "Z" proxy voting by post.
enum class AbsentVote { none, postal, proxy, postal_proxy };

struct RegisterEntry {
  std::string elector_number;  // polling district letters, '-', number: "SA-123"
  ChangeKind change = ChangeKind::addition;
  ChangeCause cause = ChangeCause::application;
  Date applied_on{};
  Date effective_on{};
  std::string surname;    // empty for anonymous entries and deletions
  std::string forenames;
  std::string address_1;
  std::string address_2;
  std::string address_3;
  std::string postcode;   // normalised ("SW1A 1AA"); empty for anonymous entries and deletions
  std::optional<Date> date_of_birth;  // attainers only
  FranchiseMarkers markers;
  AbsentVote absent_vote = AbsentVote::none;
  std::string proxy_name;     // proxy and postal proxy only
  std::string proxy_address;

  bool operator==(const RegisterEntry&) const = default;
};

// "SA-123": one to three capital letters, a hyphen, a number from 1 to 999999 without leading zeros.
bool is_valid_elector_number(std::string_view text);
std::string_view polling_district_of(std::string_view elector_number);  // "SA-123" -> "SA"

std::string_view to_string(ChangeKind kind);    // "addition", "deletion", "correction"
std::string_view to_string(ChangeCause cause);  // "application", "late-application", ...
std::string_view to_code(AbsentVote vote);      // "", "P", "X", "Z"
std::string to_code(const FranchiseMarkers& markers);  // letters in the order F, N, A
std::optional<ChangeKind> parse_change_kind(std::string_view text);
std::optional<ChangeCause> parse_change_cause(std::string_view text);
std::optional<AbsentVote> parse_absent_vote(std::string_view text);
std::optional<FranchiseMarkers> parse_markers(std::string_view text);  // nullopt on unknown or repeated letters

}  // namespace recall
