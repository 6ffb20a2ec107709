// Each tests/golden/timetable/<case>.json is one petition's timetable, worked out by hand from the Act
// (or an error the case must raise). Rules default to the UK Act with the bank-holiday extension.
#include <gtest/gtest.h>

#include <set>

#include "core/base/error.hpp"
#include "core/timetable/timetable.hpp"
#include "support/golden_cases.hpp"

namespace recall {
namespace {

using nlohmann::json;
using testing::GoldenCase;

void require_known_keys(const json& object, const std::set<std::string>& known, const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    if (!known.contains(key)) throw std::runtime_error(where + ": unknown key '" + key + "'");
  }
}

TimetableRules rules_from(const json& doc) {
  TimetableRules rules;
  rules.bank_holiday_extension = {{parse_iso_date("2010-01-01"), true}};
  if (!doc.contains("rules")) return rules;
  const json& r = doc.at("rules");
  require_known_keys(r,
                     {"uses_working_days", "requirement_notice_working_days", "designated_working_day",
                      "cut_off_working_days_before", "signing_period_days", "bank_holiday_extension",
                      "count_days_after_close"},
                     "rules");
  rules.uses_working_days = r.value("uses_working_days", rules.uses_working_days);
  rules.requirement_notice_working_days = r.value("requirement_notice_working_days", rules.requirement_notice_working_days);
  rules.designated_working_day = r.value("designated_working_day", rules.designated_working_day);
  rules.cut_off_working_days_before = r.value("cut_off_working_days_before", rules.cut_off_working_days_before);
  rules.signing_period_days = r.value("signing_period_days", rules.signing_period_days);
  rules.count_days_after_close = r.value("count_days_after_close", rules.count_days_after_close);
  if (r.contains("bank_holiday_extension")) {
    rules.bank_holiday_extension.clear();
    for (const auto& setting : r.at("bank_holiday_extension")) {
      require_known_keys(setting, {"applies_from", "extends"}, "rules.bank_holiday_extension");
      rules.bank_holiday_extension.push_back(
          {parse_iso_date(setting.at("applies_from").get<std::string>(), "applies_from"), setting.at("extends").get<bool>()});
    }
  }
  return rules;
}

TimetableOverrides overrides_from(const json& doc) {
  TimetableOverrides overrides;
  if (!doc.contains("overrides")) return overrides;
  const json& o = doc.at("overrides");
  require_known_keys(o, {"designated_day", "extend_for_bank_holidays"}, "overrides");
  if (o.contains("designated_day")) {
    overrides.designated_day = parse_iso_date(o.at("designated_day").get<std::string>(), "designated_day");
  }
  if (o.contains("extend_for_bank_holidays")) overrides.extend_for_bank_holidays = o.at("extend_for_bank_holidays").get<bool>();
  return overrides;
}

std::string iso_or_null(const std::optional<Date>& date) { return date ? to_iso(*date) : "null"; }

std::string expected_or_null(const json& expect, const char* key) {
  const json& value = expect.at(key);
  return value.is_null() ? "null" : value.get<std::string>();
}

Timetable compute(const json& doc) {
  const TimetableRules rules = rules_from(doc);
  const TimetableOverrides overrides = overrides_from(doc);
  const HolidayRegion region = parse_holiday_region(doc.at("region").get<std::string>());
  if (doc.contains("notice") == doc.contains("designated")) {
    throw std::runtime_error("a case gives exactly one of 'notice' and 'designated'");
  }
  if (doc.contains("notice")) {
    return compute_timetable(rules, region, parse_iso_date(doc.at("notice").get<std::string>(), "notice"), overrides);
  }
  return compute_timetable_from_designated(
      rules, region, parse_iso_date(doc.at("designated").get<std::string>(), "designated"), overrides);
}

class TimetableGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(TimetableGolden, MatchesTheWorkedTimetable) {
  const json doc = testing::read_golden(GetParam().path);
  require_known_keys(doc, {"description", "region", "notice", "designated", "rules", "overrides", "expect", "expect_error"},
                     GetParam().path.string());
  SCOPED_TRACE(GetParam().path.string() + ": " + doc.value("description", ""));

  if (doc.contains("expect_error")) {
    const std::string fragment = doc.at("expect_error").get<std::string>();
    try {
      const Timetable t = compute(doc);
      FAIL() << "expected an error containing '" << fragment << "', got a timetable ending "
             << to_iso(t.signing_period_end);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_TRUE(e.where().has_value()) << "errors must say which field is at fault: " << e.what();
    }
    return;
  }

  const json& expect = doc.at("expect");
  require_known_keys(expect,
                     {"requirement_notice_by", "cut_off_day", "designated_day", "signing_period_end", "unextended_end",
                      "count_by", "closures", "extended_for_bank_holidays"},
                     "expect");
  const Timetable t = compute(doc);
  EXPECT_EQ(iso_or_null(t.requirement_notice_by), expected_or_null(expect, "requirement_notice_by"));
  EXPECT_EQ(iso_or_null(t.cut_off_day), expected_or_null(expect, "cut_off_day"));
  EXPECT_EQ(to_iso(t.designated_day), expect.at("designated_day").get<std::string>());
  EXPECT_EQ(to_iso(t.signing_period_end), expect.at("signing_period_end").get<std::string>());
  EXPECT_EQ(to_iso(t.unextended_end), expect.at("unextended_end").get<std::string>());
  EXPECT_EQ(to_iso(t.count_by), expect.at("count_by").get<std::string>());
  std::vector<std::string> closures;
  for (const auto& closure : t.closures) closures.push_back(to_iso(closure.date));
  EXPECT_EQ(closures, expect.at("closures").get<std::vector<std::string>>());
  if (expect.contains("extended_for_bank_holidays")) {
    EXPECT_EQ(t.extended_for_bank_holidays, expect.at("extended_for_bank_holidays").get<bool>());
  }
  if (doc.contains("notice")) {
    EXPECT_EQ(iso_or_null(t.notice), doc.at("notice").get<std::string>());
  } else {
    EXPECT_FALSE(t.notice.has_value());
  }
}

INSTANTIATE_TEST_SUITE_P(Worked, TimetableGolden, ::testing::ValuesIn(testing::golden_cases("timetable")),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(TimetableGoldenFolder, HoldsTheCases) { EXPECT_GE(testing::golden_cases("timetable").size(), 20u); }

}  // namespace
}  // namespace recall
