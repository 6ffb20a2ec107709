#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/policy_set.hpp"
#include "core/rules/rules_json.hpp"

namespace recall {
namespace {

using nlohmann::json;

std::string field_of(const json& input) {
  try {
    (void)event_from_json(input, "form");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    if (!e.where()) return "<none>";
    EXPECT_EQ(e.where()->file, "form");
    return e.where()->field;
  }
  return "<no error>";
}

TEST(EventJson, RoundTripsEveryKind) {
  const json events[] = {
      {{"kind", "custodial-sentence"}, {"convicted_on", "2018-12-19"}, {"sentence", "3 months"}, {"suspended", true},
       {"appeal_period_end", "2019-03-05"}},
      {{"kind", "suspension"}, {"ordered_on", "2018-07-19"}, {"length", {{"count", 30}, {"unit", "sitting-days"}}}},
      {{"kind", "allowance-conviction"}, {"convicted_on", "2019-03-22"}},
      {{"kind", "party-change"}, {"on", "2019-02-18"}, {"from_party", "lab"}, {"to_party", "tig"}, {"change", "joined-another"}},
      {{"kind", "voter-application"}, {"applied_on", "2018-12-10"}},
  };
  for (const auto& input : events) {
    const Event event = event_from_json(input);
    const json out = to_json(event);
    EXPECT_EQ(out.at("kind"), input.at("kind"));
    const Event again = event_from_json([&] {
      json copy = out;
      for (auto it = copy.begin(); it != copy.end();) {
        // to_json adds display-only keys; drop them before reading back
        if (it.value().is_object()) it.value().erase("text");
        ++it;
      }
      return copy;
    }());
    EXPECT_EQ(to_json(again), out) << out.dump();
  }
}

TEST(EventJson, FormsSendTextAndEmptyStrings) {
  const Event event = event_from_json(json{{"kind", "custodial-sentence"},
                                           {"convicted_on", "2018-12-19"},
                                           {"sentenced_on", ""},
                                           {"suspended", "on"},
                                           {"sentence", {{"count", "6"}, {"unit", "months"}}}});
  const auto& detail = std::get<CustodialSentence>(event.detail);
  EXPECT_FALSE(detail.sentenced_on);
  EXPECT_TRUE(detail.suspended);
  EXPECT_EQ(detail.sentence.count, 6);
}

TEST(EventJson, ErrorsNameTheField) {
  EXPECT_EQ(field_of(json{{"kind", "impeachment"}}), "kind");
  EXPECT_EQ(field_of(json{{"kind", "custodial-sentence"}, {"convicted_on", "2018-12-19"}}), "sentence");
  EXPECT_EQ(field_of(json{{"convicted_on", "2018-12-19"}}), "kind");
  EXPECT_EQ(field_of(json{{"kind", "custodial-sentence"}}), "convicted_on");
  EXPECT_EQ(field_of(json{{"kind", "custodial-sentence"}, {"convicted_on", "2018-02-30"}}), "convicted_on");
  EXPECT_EQ(field_of(json{{"kind", "custodial-sentence"}, {"convicted_on", "2018-12-19"}, {"suspended", "maybe"}}),
            "suspended");
  EXPECT_EQ(field_of(json{{"kind", "custodial-sentence"}, {"convicted_on", "2018-12-19"}, {"sentence", "3 months"},
                          {"appeal_period_end", "2018-12-01"}}),
            "appeal_period_end");
  EXPECT_EQ(field_of(json{{"kind", "suspension"}, {"ordered_on", "2018-07-19"}, {"length", {{"count", "ten"}, {"unit", "days"}}}}),
            "length.count");
  EXPECT_EQ(field_of(json{{"kind", "suspension"}, {"ordered_on", "2018-07-19"}, {"length", {{"count", 0}, {"unit", "days"}}}}),
            "length");
  EXPECT_EQ(field_of(json{{"kind", "suspension"}, {"ordered_on", "2018-07-19"}, {"length", "ten days"}}), "length");
  EXPECT_EQ(field_of(json{{"kind", "party-change"}, {"from_party", "lab"}, {"to_party", "tig"}}), "on");
  EXPECT_EQ(field_of(json{{"kind", "party-change"}, {"on", "2019-02-18"}, {"from_party", "lab"}, {"to_party", "lab"}}),
            "to_party");
  EXPECT_EQ(field_of(json{{"kind", "party-change"}, {"on", "2019-02-18"}, {"from_party", "lab"}, {"to_party", "tig"},
                          {"change", "defected"}}),
            "change");
  EXPECT_EQ(field_of(json::array()), "");
}

TEST(ContextJson, ErrorsNameTheField) {
  const json member{{"id", "2017-E14000978"}, {"name", "Chuka Umunna"}, {"constituency", "E14000978"},
                    {"parliament", 2017},      {"elected_on", "2017-06-08"}, {"elected_party", "lab"}};
  const json constituency{{"ons_code", "E14000978"}, {"name", "Streatham"}, {"nation", "england"}};
  const json parliament{{"parliament", 2017}, {"general_election", "2017-06-08"}, {"last_possible_election", "2022-05-05"}};
  json context{{"member", member}, {"constituency", constituency}, {"parliament", parliament}};
  const Context ok = context_from_json(context);
  EXPECT_EQ(ok.member.history.size(), 1U) << "a member without history sat for the party elected for";

  auto bad = context;
  bad["constituency"]["nation"] = "atlantis";
  try {
    (void)context_from_json(bad, "case.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->field, "constituency.nation");
    EXPECT_EQ(e.where()->file, "case.json");
  }
  bad = context;
  bad["member"]["history"] = json::array({{{"party", "con"}}});
  EXPECT_THROW((void)context_from_json(bad), Error);
  bad = context;
  bad["seat_vacnt"] = true;
  try {
    (void)context_from_json(bad);
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->field, "seat_vacnt");
  }
}

TEST(Evaluate, ANoticeBeforeTheConditionIsAnError) {
  const auto set = PolicySet::load_directory(std::string(RECALL_SOURCE_DIR) + "/policies");
  const json member{{"id", "2017-N06000012"}, {"name", "Ian Paisley"}, {"constituency", "N06000012"},
                    {"parliament", 2017},      {"elected_on", "2017-06-08"}, {"elected_party", "dup"}};
  const json constituency{{"ons_code", "N06000012"}, {"name", "North Antrim"}, {"nation", "northern-ireland"}};
  const json parliament{{"parliament", 2017}, {"general_election", "2017-06-08"}, {"last_possible_election", "2022-05-05"}};
  const Context context = context_from_json(
      json{{"member", member}, {"constituency", constituency}, {"parliament", parliament}, {"speaker_notice", "2018-07-18"}});
  const Event event = event_from_json(
      json{{"kind", "suspension"}, {"ordered_on", "2018-07-19"}, {"length", {{"count", 30}, {"unit", "sitting-days"}}}});
  try {
    (void)evaluate(set.get("uk-2015"), event, context);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->field, "speaker_notice");
  }
}

TEST(PolicyJson, ShowsEveryParameter) {
  const auto set = PolicySet::load_directory(std::string(RECALL_SOURCE_DIR) + "/policies");
  const json uk = to_json(set.get("uk-2015"));
  EXPECT_EQ(uk.at("id"), "uk-2015");
  EXPECT_EQ(uk.at("in_force"), "2016-03-04");
  EXPECT_EQ(uk.at("conditions").at("suspension").at("minimum_sitting_days"), 10);
  EXPECT_EQ(uk.at("threshold").at("rule"), "signatures × 10 ≥ eligible registered electors");
  EXPECT_EQ(uk.at("timetable").at("bank_holiday_extension").size(), 2U);
  EXPECT_EQ(uk.at("exclusions").at("general_election_within").at("period").at("text"), "6 months");
  EXPECT_EQ(uk.at("signing").at("online"), false);
  EXPECT_EQ(uk.at("condition_kinds"), json({"custodial-sentence", "suspension", "allowance-conviction"}));
  const json ca = to_json(set.get("ca-state-legislator"));
  EXPECT_EQ(ca.at("sample_verification").at("certify_above_percent"), "110");
  EXPECT_EQ(ca.at("recall_vote").at("yes_threshold"), nullptr);
  const json tw = to_json(set.get("tw-recall"));
  EXPECT_EQ(tw.at("proposal_threshold").at("percent"), "1");
}

}  // namespace
}  // namespace recall
