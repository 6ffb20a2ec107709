// Golden cases: one JSON file per case in tests/golden/rules/, found at run time. Each names a policy,
// an event and a context (member and constituency inline; "parliament" a year from
// data/parliaments.yaml or an inline object) and the fields expected in the evaluation's JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/policy_set.hpp"
#include "core/rules/rules_json.hpp"
#include "support/golden_cases.hpp"
#include "support/json_subset.hpp"

namespace recall {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const PolicySet& policies() {
  static const PolicySet set = PolicySet::load_directory(fs::path(RECALL_SOURCE_DIR) / "policies");
  return set;
}

const ParliamentCalendar& calendar() {
  static const ParliamentCalendar dates = ParliamentCalendar::load(fs::path(RECALL_SOURCE_DIR) / "data/parliaments.yaml");
  return dates;
}

class RulesGolden : public ::testing::TestWithParam<testing::GoldenCase> {};

TEST_P(RulesGolden, Matches) {
  const json test_case = testing::read_golden(GetParam().path);
  const auto file = GetParam().path.string();
  const Policy& policy = policies().get(test_case.at("policy").get<std::string>());

  json context_json = test_case.at("context");
  if (context_json.at("parliament").is_number_integer()) {
    context_json["parliament"] = to_json(calendar().get(context_json.at("parliament").get<int>()));
  }

  if (test_case.contains("expect_error")) {
    try {
      const Event event = event_from_json(test_case.at("event"), file);
      const Context context = context_from_json(context_json, file);
      (void)evaluate(policy, event, context);
      FAIL() << "expected an error mentioning " << test_case.at("expect_error");
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      const auto& wanted = test_case.at("expect_error");
      EXPECT_NE(std::string(e.what()).find(wanted.at("message_contains").get<std::string>()), std::string::npos)
          << e.what();
      if (wanted.contains("field")) {
        ASSERT_TRUE(e.where().has_value()) << e.what();
        EXPECT_EQ(e.where()->field, wanted.at("field").get<std::string>());
      }
    }
    return;
  }

  const Event event = event_from_json(test_case.at("event"), file);
  const Context context = context_from_json(context_json, file);
  const Evaluation evaluation = evaluate(policy, event, context);
  const json actual = to_json(evaluation);
  testing::expect_json_subset(test_case.at("expect"), actual, "evaluation");

  for (const auto& phrase : test_case.value("reason_contains", json::array())) {
    EXPECT_NE(evaluation.reason.find(phrase.get<std::string>()), std::string::npos)
        << "reason lacks '" << phrase.get<std::string>() << "': " << evaluation.reason;
  }
  for (const auto& phrase : test_case.value("timetable_note_contains", json::array())) {
    EXPECT_NE(evaluation.timetable_note.find(phrase.get<std::string>()), std::string::npos)
        << "timetable note lacks '" << phrase.get<std::string>() << "': " << evaluation.timetable_note;
  }
  if (test_case.contains("exclusion_reason_contains")) {
    ASSERT_TRUE(evaluation.exclusion.has_value());
    for (const auto& phrase : test_case.at("exclusion_reason_contains")) {
      EXPECT_NE(evaluation.exclusion->reason.find(phrase.get<std::string>()), std::string::npos)
          << evaluation.exclusion->reason;
    }
  }
  for (const auto& check : test_case.value("threshold_checks", json::array())) {
    EXPECT_EQ(threshold_met(policy, check.at("signed").get<long>(), check.at("base").get<long>()),
              check.at("met").get<bool>())
        << check.dump();
  }
  for (const auto& check : test_case.value("sample_checks", json::array())) {
    ASSERT_TRUE(policy.sample_verification.has_value());
    const auto& rules = *policy.sample_verification;
    const long raw = check.at("raw").get<long>();
    if (check.contains("sample_size")) {
      EXPECT_EQ(sample_size(rules, raw), check.at("sample_size").get<long>());
    }
    if (check.contains("decision")) {
      const auto decision = decide_sample(rules, raw, check.at("sample").get<long>(),
                                          check.at("valid_in_sample").get<long>(), check.at("required").get<long>());
      EXPECT_EQ(to_string(decision), check.at("decision").get<std::string>()) << check.dump();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, RulesGolden, ::testing::ValuesIn(testing::golden_cases("rules")),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace recall
