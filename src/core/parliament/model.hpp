#pragma once
// Parliament as reference data: constituencies (2010–2024 boundaries), their 2017 and 2019 results,
// the MPs elected and the dated history of the party each sat for. Plain values, no I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/bank_holidays.hpp"
#include "core/calendar/date.hpp"

namespace recall {

enum class Nation { england, scotland, wales, northern_ireland };
std::string to_string(Nation nation);               // "england", "scotland", "wales", "northern-ireland"
std::string display_name(Nation nation);            // "England", "Northern Ireland"
Nation parse_nation(const std::string& text);       // accepts both forms above; throws Error(invalid_input)
HolidayRegion holiday_region(Nation nation);        // England and Wales share one calendar

// A party by canonical code: "con", "lab", "ld", "snp", "pc", "green", "dup", "sf", "sdlp", "uup",
// "alliance", "ukip", "brexit", "tig" (The Independent Group / Change UK), "ind" (Independent),
// "speaker", "other".
struct Party {
  std::string code;
  std::string name;    // "Labour", "The Independent Group"
  std::string colour;  // "#d50000": the hexmap fill
  std::string text_colour;  // "#ffffff" or "#000000": whichever reads better on `colour`
};

struct PartyVotes {
  std::string party;  // canonical code
  long votes = 0;
};

struct ElectionResult {
  int year = 0;                 // 2017 or 2019
  Date held_on;                 // 2017-06-08, 2019-12-12
  std::string result;           // "Lab hold"
  std::string first_party;      // canonical code
  std::string second_party;     // canonical code
  long electorate = 0;
  long valid_votes = 0;
  long invalid_votes = 0;
  long majority = 0;
  std::vector<PartyVotes> votes;  // by party, largest first, zero rows left out
};

struct Constituency {
  std::string ons_code;  // "E14000978"
  std::string name;      // "Streatham"
  Nation nation = Nation::england;
  std::string region;    // "London"
  std::string county;
  std::vector<ElectionResult> results;  // oldest first
};

// One stretch of time an MP sat for one party. `to` is absent while it lasts (or until the end of
// the Parliament). When a change is only known from the party at dissolution, `from` is absent and
// `from_known_by` is the latest date it can have happened ("by 6 November 2019, date not known"); the
// spell before it then has no `to` either, as its end is not known.
struct PartySpell {
  std::string party;                 // canonical code
  std::optional<Date> from;
  std::optional<Date> to;
  std::optional<Date> from_known_by;
  std::string note;                  // source note, e.g. "resigned from Labour to sit as The Independent Group"
};

struct Member {
  std::string id;               // stable slug: "<parliament>-<ons code>", e.g. "2017-E14000978"
  std::string name;             // "Chuka Umunna"
  std::string constituency;     // ONS code
  int parliament = 0;           // year of the general election: 2017 or 2019
  Date elected_on;
  std::optional<Date> served_until;  // dissolution (2019-11-06 for the 2017 Parliament)
  std::string elected_party;    // canonical code
  std::vector<PartySpell> history;   // oldest first; the first spell is the party elected for

  [[nodiscard]] const std::string& current_party() const { return history.back().party; }
  [[nodiscard]] bool changed_party() const { return current_party() != elected_party; }
};

struct HexCell {
  std::string ons_code;
  int q = 0;  // column, odd-r layout
  int r = 0;  // row
  std::string region;  // short region code from the hexjson ("SE", "WM")
};

struct ReferenceData {
  std::vector<Party> parties;
  std::vector<Constituency> constituencies;
  std::vector<Member> members;
  std::vector<HexCell> hexes;
  std::map<std::string, std::string> postcodes;  // normalised postcode ("SW1A 1AA") -> ONS code
  std::string source_digest;                     // SHA-256 of the source files, so reloads are idempotent
};

}  // namespace recall
