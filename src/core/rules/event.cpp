#include "core/rules/event.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/yaml_fields.hpp"

namespace recall {

std::string to_string(PartyChangeKind kind) {
  switch (kind) {
    case PartyChangeKind::left_party: return "left-party";
    case PartyChangeKind::resigned_whip: return "resigned-whip";
    case PartyChangeKind::joined_another: return "joined-another";
  }
  return "left-party";
}

PartyChangeKind parse_party_change_kind(std::string_view text) {
  for (auto kind : {PartyChangeKind::left_party, PartyChangeKind::resigned_whip, PartyChangeKind::joined_another}) {
    if (text == to_string(kind)) return kind;
  }
  throw_invalid(fmt::format("unknown kind of party change '{}' (expected left-party, resigned-whip or joined-another)",
                            text));
}

ConditionKind Event::kind() const {
  struct Visitor {
    ConditionKind operator()(const CustodialSentence&) const { return ConditionKind::custodial_sentence; }
    ConditionKind operator()(const Suspension&) const { return ConditionKind::suspension; }
    ConditionKind operator()(const AllowanceConviction&) const { return ConditionKind::allowance_conviction; }
    ConditionKind operator()(const PartyChange&) const { return ConditionKind::party_change; }
    ConditionKind operator()(const VoterApplication&) const { return ConditionKind::voter_application; }
  };
  return std::visit(Visitor{}, detail);
}

std::optional<Date> Event::date() const {
  struct Visitor {
    std::optional<Date> operator()(const CustodialSentence& e) const { return e.convicted_on; }
    std::optional<Date> operator()(const Suspension& e) const { return e.ordered_on; }
    std::optional<Date> operator()(const AllowanceConviction& e) const { return e.convicted_on; }
    std::optional<Date> operator()(const PartyChange& e) const { return e.on; }
    std::optional<Date> operator()(const VoterApplication& e) const { return e.applied_on; }
  };
  return std::visit(Visitor{}, detail);
}

ParliamentCalendar::ParliamentCalendar(std::vector<ParliamentDates> parliaments) : parliaments_(std::move(parliaments)) {
  std::sort(parliaments_.begin(), parliaments_.end(),
            [](const ParliamentDates& a, const ParliamentDates& b) { return a.parliament < b.parliament; });
  for (std::size_t i = 1; i < parliaments_.size(); ++i) {
    if (parliaments_[i].parliament == parliaments_[i - 1].parliament) {
      throw Error(ErrorKind::conflict, fmt::format("the {} Parliament is listed twice", parliaments_[i].parliament));
    }
  }
}

ParliamentCalendar ParliamentCalendar::load(const std::filesystem::path& yaml_file) {
  std::ifstream in(yaml_file, std::ios::binary);
  if (!in) throw Error(ErrorKind::not_found, fmt::format("cannot read {}", yaml_file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  const auto file = yaml_file.string();
  const auto document = rules_yaml::parse_document(text.str(), file);
  rules_yaml::Fields top(document, file, "");
  top.only({"parliaments"});
  const auto list = top.node("parliaments");
  if (!list.IsSequence()) throw_invalid("expected a list of parliaments", rules_yaml::location_of(list, file, "parliaments"));
  std::vector<ParliamentDates> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    rules_yaml::Fields item(list[i], file, fmt::format("parliaments[{}]", i));
    item.only({"parliament", "general_election", "first_met", "last_possible_election", "last_possible_source",
               "dissolved_on", "dissolved_source"});
    ParliamentDates dates;
    dates.parliament = static_cast<int>(item.integer("parliament"));
    dates.general_election = item.date("general_election");
    dates.first_met = item.optional_date("first_met");
    dates.last_possible_election = item.date("last_possible_election");
    dates.last_possible_source = item.text("last_possible_source");
    dates.dissolved_on = item.optional_date("dissolved_on");
    dates.dissolved_source = item.text_or("dissolved_source", "");
    if (dates.last_possible_election <= dates.general_election) {
      item.fail("last_possible_election", "the last possible election must come after the general election");
    }
    if (dates.dissolved_on && *dates.dissolved_on <= dates.general_election) {
      item.fail("dissolved_on", "a Parliament cannot be dissolved before its general election");
    }
    out.push_back(std::move(dates));
  }
  return ParliamentCalendar(std::move(out));
}

const ParliamentDates* ParliamentCalendar::find(int parliament) const {
  for (const auto& dates : parliaments_) {
    if (dates.parliament == parliament) return &dates;
  }
  return nullptr;
}

const ParliamentDates& ParliamentCalendar::get(int parliament) const {
  if (const auto* dates = find(parliament)) return *dates;
  throw_not_found(fmt::format("no dates known for the {} Parliament", parliament));
}

}  // namespace recall
