// Evaluation contexts from JSON: a member and constituency inline, so no database is needed.
#include "core/rules/rules_json.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/json_fields.hpp"
#include "core/rules/json_shared.hpp"

namespace recall {

using nlohmann::json;
using rules_json_detail::iso;
using rules_json_detail::JsonFields;
using rules_json_detail::positive_span;
using rules_json_detail::span_json;
using rules_json_detail::threshold_json;

Member member_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "member");
  f.only({"id", "name", "constituency", "parliament", "elected_on", "served_until", "elected_party", "history"});
  Member m;
  m.id = f.text("id");
  m.name = f.text("name");
  m.constituency = f.text("constituency");
  m.parliament = static_cast<int>(f.integer("parliament"));
  m.elected_on = f.date("elected_on");
  m.served_until = f.optional_date("served_until");
  m.elected_party = f.text("elected_party");
  if (f.present("history")) {
    const auto& list = f.value("history");
    if (!list.is_array()) f.fail("history", "'member.history' must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const JsonFields s(list[i], std::string(source), fmt::format("member.history[{}]", i));
      s.only({"party", "from", "to", "from_known_by", "note"});
      PartySpell spell;
      spell.party = s.text("party");
      spell.from = s.optional_date("from");
      spell.to = s.optional_date("to");
      spell.from_known_by = s.optional_date("from_known_by");
      spell.note = s.text_or("note", "");
      m.history.push_back(std::move(spell));
    }
  }
  if (m.history.empty()) {
    PartySpell only;
    only.party = m.elected_party;
    only.from = m.elected_on;
    m.history.push_back(std::move(only));
  }
  if (m.history.front().party != m.elected_party) {
    f.fail("history", "the first spell of 'member.history' must be the party elected for");
  }
  return m;
}

Constituency constituency_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "constituency");
  f.only({"ons_code", "name", "nation", "region", "county", "results"});
  Constituency c;
  c.ons_code = f.text("ons_code");
  c.name = f.text("name");
  c.nation = f.parsed("nation", [](const std::string& t) { return parse_nation(t); });
  c.region = f.text_or("region", "");
  c.county = f.text_or("county", "");
  if (f.present("results")) {
    const auto& list = f.value("results");
    if (!list.is_array()) f.fail("results", "'constituency.results' must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const JsonFields r(list[i], std::string(source), fmt::format("constituency.results[{}]", i));
      r.only({"year", "held_on", "electorate", "valid_votes", "result", "first_party"});
      ElectionResult result;
      result.year = static_cast<int>(r.integer("year"));
      result.held_on = r.date("held_on");
      result.electorate = r.integer("electorate");
      result.valid_votes = r.optional_integer("valid_votes").value_or(0);
      result.result = r.text_or("result", "");
      result.first_party = r.text_or("first_party", "");
      c.results.push_back(std::move(result));
    }
  }
  return c;
}

namespace {

ParliamentDates parliament_from_json(const JsonFields& f) {
  f.only({"parliament", "general_election", "first_met", "last_possible_election", "last_possible_source",
          "dissolved_on", "dissolved_source"});
  ParliamentDates d;
  d.parliament = static_cast<int>(f.integer("parliament"));
  d.general_election = f.date("general_election");
  d.first_met = f.optional_date("first_met");
  d.last_possible_election = f.date("last_possible_election");
  d.last_possible_source = f.text_or("last_possible_source", "");
  d.dissolved_on = f.optional_date("dissolved_on");
  d.dissolved_source = f.text_or("dissolved_source", "");
  return d;
}

}  // namespace

Context context_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "");
  f.only({"member", "constituency", "parliament", "petition_under_way", "seat_vacant", "speaker_notice", "base_count",
          "as_of", "overrides", "party_names"});
  Context c;
  c.member = member_from_json(f.value("member"), source);
  c.constituency = constituency_from_json(f.value("constituency"), source);
  if (c.member.constituency != c.constituency.ons_code) {
    f.fail("member", fmt::format("the member's constituency {} is not the constituency given ({})",
                                 c.member.constituency, c.constituency.ons_code));
  }
  c.parliament = parliament_from_json(f.object("parliament"));
  c.petition_under_way = f.boolean_or("petition_under_way", false);
  c.seat_vacant = f.boolean_or("seat_vacant", false);
  c.speaker_notice = f.optional_date("speaker_notice");
  c.base_count = f.optional_integer("base_count");
  if (c.base_count && *c.base_count < 0) f.fail("base_count", "'base_count' cannot be negative");
  c.as_of = f.optional_date("as_of");
  if (f.present("overrides")) {
    const auto o = f.object("overrides");
    o.only({"designated_day", "extend_for_bank_holidays"});
    c.overrides.designated_day = o.optional_date("designated_day");
    if (o.present("extend_for_bank_holidays")) c.overrides.extend_for_bank_holidays = o.boolean_or("extend_for_bank_holidays", true);
  }
  if (f.present("party_names")) {
    const auto& names = f.value("party_names");
    if (!names.is_object()) f.fail("party_names", "'party_names' must map party codes to names");
    for (const auto& [code, name] : names.items()) {
      if (!name.is_string()) f.fail("party_names", fmt::format("the name of party '{}' must be text", code));
      c.party_names[code] = name.get<std::string>();
    }
  }
  return c;
}

}  // namespace recall
