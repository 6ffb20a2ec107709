#pragma once
// Pieces of JSON view model shared by several pages: parties, MPs and their dated history, and the
// query parameters more than one page accepts. Raw values (codes, ISO dates) sit next to their
// display forms ("…_display") so the JSON twin stays machine-readable and templates stay simple.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/evaluate.hpp"
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

nlohmann::json party_json(const Parliament& parliament, std::string_view code);  // {"code", "name", "colour"}
std::string party_name(const Parliament& parliament, std::string_view code);

// {"party", "party_name", "from", "to", "from_known_by", "note", "from_display", "to_display"}.
nlohmann::json history_json(const Parliament& parliament, const Member& member);

// One line of a list of MPs: id, name, constituency (ONS code) and its name, parliament, elected
// and current party with names, changed_party.
nlohmann::json member_summary_json(const Parliament& parliament, const Member& member);

// Everything the MP page and /api/constituencies/{ons}/mp show: the summary, dates, history and
// one evaluation per policy under "recall".
nlohmann::json member_detail_json(const Site& site, const Member& member);

// A constituency with its results (turnout, majority, votes and shares by party) and its MPs,
// oldest first: the constituency page and the JSON a postcode search answers with.
nlohmann::json constituency_detail_json(const Parliament& parliament, const Constituency& constituency);

// The rules engine's evaluation JSON with "policy", "policy_name", "condition_met", "reason",
// "petition_opens", "has_timetable" and a "display" object of dates and notes written for people.
nlohmann::json evaluation_json(const Evaluation& evaluation);

// "?parliament=2017": absent or empty gives nullopt; anything but a loaded Parliament's year is
// Error(invalid_input) naming the field.
std::optional<int> parliament_param(const Parliament& parliament, const Request& request);

// "2017 to 2019 Parliament" once it is dissolved, else "2019 Parliament".
std::string parliament_label(const ParliamentCalendar& calendar, int year);

// A 200 (or `status`) application/json response, for endpoints that exist only as JSON.
Response json_response(const nlohmann::json& body, int status = 200);

SourceLocation query_field(std::string field);  // where = the query string's field

}  // namespace recall::http
