#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/policy_set.hpp"
#include "core/rules/rules_json.hpp"

namespace recall {
namespace {

namespace fs = std::filesystem;

const PolicySet& policies() {
  static const PolicySet set = PolicySet::load_directory(fs::path(RECALL_SOURCE_DIR) / "policies");
  return set;
}

const ParliamentCalendar& calendar() {
  static const ParliamentCalendar dates = ParliamentCalendar::load(fs::path(RECALL_SOURCE_DIR) / "data/parliaments.yaml");
  return dates;
}

// Built field by field so that new fields in PartySpell do not break the test.
PartySpell spell(std::string party, std::optional<Date> from, std::optional<Date> to, std::optional<Date> known_by,
                 std::string note) {
  PartySpell out;
  out.party = std::move(party);
  out.from = from;
  out.to = to;
  out.from_known_by = known_by;
  out.note = std::move(note);
  return out;
}

Member umunna() {
  Member m;
  m.id = "2017-E14000978";
  m.name = "Chuka Umunna";
  m.constituency = "E14000978";
  m.parliament = 2017;
  m.elected_on = make_date(2017, 6, 8);
  m.served_until = make_date(2019, 11, 6);
  m.elected_party = "lab";
  m.history = {
      spell("lab", make_date(2017, 6, 8), make_date(2019, 2, 17), std::nullopt, ""),
      spell("tig", make_date(2019, 2, 18), make_date(2019, 6, 3), std::nullopt,
                 "resigned from Labour to sit as The Independent Group"),
      spell("ind", make_date(2019, 6, 4), std::nullopt, std::nullopt, "one of six MPs who left Change UK on this day"),
  };
  return m;
}

Member unknown_date_changer() {
  Member m;
  m.id = "2017-E14000001";
  m.name = "Example Member";
  m.constituency = "E14000978";  // shares the constituency data; only the history matters here
  m.parliament = 2017;
  m.elected_on = make_date(2017, 6, 8);
  m.elected_party = "con";
  m.history = {spell("con", make_date(2017, 6, 8), std::nullopt, std::nullopt, ""),
               spell("ind", std::nullopt, std::nullopt, make_date(2019, 11, 6), "party at dissolution")};
  return m;
}

Member loyal() {
  Member m = unknown_date_changer();
  m.id = "2017-E14000002";
  m.history.resize(1);
  return m;
}

Parliament streatham_parliament() {
  ReferenceData data;
  for (const auto& [code, name] : {std::pair{"lab", "Labour"}, std::pair{"tig", "The Independent Group"},
                                   std::pair{"ind", "Independent"}, std::pair{"con", "Conservative"}}) {
    Party party;
    party.code = code;
    party.name = name;
    data.parties.push_back(party);
  }
  Constituency streatham;
  streatham.ons_code = "E14000978";
  streatham.name = "Streatham";
  streatham.nation = Nation::england;
  ElectionResult result;
  result.year = 2017;
  result.held_on = make_date(2017, 6, 8);
  result.electorate = 78649;
  result.valid_votes = 55795;
  streatham.results.push_back(result);
  data.constituencies.push_back(streatham);
  data.members = {umunna(), unknown_date_changer(), loyal()};
  return Parliament(std::move(data));
}

TEST(PartyChanges, ReadFromTheHistory) {
  const auto changes = party_changes(umunna());
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].on, make_date(2019, 2, 18));
  EXPECT_EQ(changes[0].from_party, "lab");
  EXPECT_EQ(changes[0].to_party, "tig");
  EXPECT_EQ(changes[0].kind, PartyChangeKind::left_party);
  EXPECT_EQ(changes[1].from_party, "tig");
  EXPECT_EQ(changes[1].to_party, "ind");

  const auto unknown = party_changes(unknown_date_changer());
  ASSERT_EQ(unknown.size(), 1U);
  EXPECT_FALSE(unknown[0].on);
  EXPECT_EQ(unknown[0].known_by, make_date(2019, 11, 6));
}

TEST(PartyChanges, UmunnaUnderTheActIsNotACondition) {
  const auto parliament = streatham_parliament();
  const auto e = evaluate_party_change(policies().get("uk-2015"), parliament, calendar(), umunna(), make_date(2019, 2, 18));
  EXPECT_FALSE(e.condition_met);
  EXPECT_FALSE(e.timetable);
  EXPECT_NE(e.reason.find("Changing party is not a recall condition"), std::string::npos) << e.reason;
}

TEST(PartyChanges, UmunnaUnderTheChangeOfPartyPolicyGetsATimetable) {
  const auto parliament = streatham_parliament();
  const auto e = evaluate_party_change(policies().get("uk-change-of-party"), parliament, calendar(), umunna(),
                                       make_date(2019, 2, 18));
  EXPECT_TRUE(e.condition_met);
  EXPECT_TRUE(e.petition_opens());
  ASSERT_TRUE(e.timetable);
  EXPECT_EQ(e.notice, make_date(2019, 2, 18));
  EXPECT_EQ(e.timetable->designated_day, make_date(2019, 3, 4));
  EXPECT_EQ(e.timetable->signing_period_end, make_date(2019, 4, 14));
  EXPECT_NE(e.reason.find("Labour (the party elected for)"), std::string::npos) << e.reason;
  EXPECT_EQ(e.threshold.required, 7865);
  const auto json = to_json(e);
  EXPECT_EQ(json.at("timetable").at("designated_day"), "2019-03-04");
  EXPECT_EQ(json.at("condition_met"), true);
}

TEST(PartyChanges, NoChangeOnTheDateIsAnError) {
  const auto parliament = streatham_parliament();
  try {
    (void)evaluate_party_change(policies().get("uk-2015"), parliament, calendar(), umunna(), make_date(2019, 2, 19));
    FAIL() << "expected not_found";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
    EXPECT_NE(e.message().find("2019-02-18"), std::string::npos) << "lists the real changes: " << e.message();
  }
}

TEST(PartyChanges, EvaluateMemberGivesOneEvaluationPerPolicy) {
  const auto parliament = streatham_parliament();
  const auto results = evaluate_member(policies(), parliament, calendar(), umunna());
  ASSERT_EQ(results.size(), policies().size());
  for (const auto& e : results) {
    ASSERT_TRUE(e.event);
    EXPECT_EQ(e.event->date(), make_date(2019, 2, 18)) << "the first change away from Labour";
    EXPECT_EQ(e.condition_met, e.policy_id == "uk-change-of-party") << e.policy_id << ": " << e.reason;
  }
}

TEST(PartyChanges, EvaluateMemberWithoutAChange) {
  const auto parliament = streatham_parliament();
  const auto results = evaluate_member(policies(), parliament, calendar(), loyal());
  ASSERT_EQ(results.size(), policies().size());
  for (const auto& e : results) {
    EXPECT_FALSE(e.condition_met);
    EXPECT_FALSE(e.event);
    EXPECT_NE(e.reason.find("No party change"), std::string::npos) << e.reason;
    EXPECT_EQ(to_json(e).at("event"), nullptr);
  }
}

TEST(PartyChanges, EvaluateMemberWhenTheDateIsNotKnown) {
  const auto parliament = streatham_parliament();
  const auto results = evaluate_member(policies(), parliament, calendar(), unknown_date_changer());
  const auto it = std::find_if(results.begin(), results.end(),
                               [](const Evaluation& e) { return e.policy_id == "uk-change-of-party"; });
  ASSERT_NE(it, results.end());
  EXPECT_TRUE(it->condition_met);
  EXPECT_FALSE(it->notice);
  EXPECT_FALSE(it->timetable);
  EXPECT_NE(it->timetable_note.find("by 6 November 2019, date not known"), std::string::npos) << it->timetable_note;
}

TEST(PartyChanges, RealReferenceDataForUmunna) {
  const Parliament parliament(load_reference_data(fs::path(RECALL_SOURCE_DIR) / "data"));
  const Member* member = parliament.member("2017-E14000978");
  ASSERT_NE(member, nullptr);
  const auto act = evaluate_party_change(policies().get("uk-2015"), parliament, calendar(), *member, make_date(2019, 2, 18));
  EXPECT_FALSE(act.condition_met);
  const auto proposal = evaluate_party_change(policies().get("uk-change-of-party"), parliament, calendar(), *member,
                                              make_date(2019, 2, 18));
  EXPECT_TRUE(proposal.condition_met) << proposal.reason;
  ASSERT_TRUE(proposal.timetable);
  EXPECT_EQ(proposal.timetable->designated_day, make_date(2019, 3, 4));
}

TEST(ParliamentCalendar, LoadsTheSourcedDates) {
  const auto& c = calendar();
  const auto& p2017 = c.get(2017);
  EXPECT_EQ(p2017.general_election, make_date(2017, 6, 8));
  EXPECT_EQ(p2017.last_possible_election, make_date(2022, 5, 5));
  EXPECT_EQ(p2017.dissolved_on, make_date(2019, 11, 6));
  EXPECT_EQ(c.get(2019).last_possible_election, make_date(2025, 1, 28));
  EXPECT_THROW((void)c.get(2015), Error);
}

}  // namespace
}  // namespace recall
