#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/timetable/day_counter.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {
namespace {

constexpr auto ew = HolidayRegion::england_and_wales;

Date d(std::string_view iso) { return parse_iso_date(iso); }

TimetableRules uk_rules() {
  TimetableRules rules;
  rules.bank_holiday_extension = {{d("2010-01-01"), true}, {d("2024-01-01"), false}};
  return rules;
}

// Runs `compute` and returns the Error it throws (failing the test if it throws nothing).
template <typename Compute>
Error error_from(Compute compute) {
  try {
    compute();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorKind::internal, "no error");
}

TEST(Timetable, PeterboroughClosuresCarryHolidayNames) {
  const Timetable t = compute_timetable(uk_rules(), ew, d("2019-03-05"));
  ASSERT_EQ(t.closures.size(), 2u);
  EXPECT_EQ(t.closures[0].name, "Good Friday");
  EXPECT_EQ(t.closures[1].name, "Easter Monday");
  EXPECT_TRUE(t.extended_for_bank_holidays);
  EXPECT_EQ(to_iso(t.signing_period_end), "2019-05-01");
}

TEST(Timetable, ChristmasEveIsAClosureByName) {
  const Timetable t = compute_timetable(uk_rules(), ew, d("2019-11-25"));
  ASSERT_FALSE(t.closures.empty());
  EXPECT_EQ(to_iso(t.closures[0].date), "2019-12-24");
  EXPECT_EQ(t.closures[0].name, "Christmas Eve");
}

TEST(Timetable, ExtensionSettingIsChosenByTheDesignatedDay) {
  const TimetableRules rules = uk_rules();
  // Designated on the last day of 2023: the older setting applies.
  EXPECT_TRUE(compute_timetable_from_designated(rules, ew, d("2023-12-29")).extended_for_bank_holidays);
  // Designated on the day the new setting starts: it applies.
  EXPECT_FALSE(compute_timetable_from_designated(rules, ew, d("2024-01-02")).extended_for_bank_holidays);
  // Before the first setting: no extension.
  TimetableRules late = rules;
  late.bank_holiday_extension = {{d("2019-03-20"), true}};
  EXPECT_FALSE(compute_timetable(late, ew, d("2019-03-05")).extended_for_bank_holidays);
  late.bank_holiday_extension = {{d("2019-03-19"), true}};
  EXPECT_TRUE(compute_timetable(late, ew, d("2019-03-05")).extended_for_bank_holidays);
}

TEST(Timetable, DefaultRulesNeverExtend) {
  const Timetable t = compute_timetable(TimetableRules{}, ew, d("2019-03-05"));
  EXPECT_FALSE(t.extended_for_bank_holidays);
  EXPECT_EQ(t.signing_period_end, t.unextended_end);
  EXPECT_EQ(t.closures.size(), 2u);
}

TEST(Timetable, OptionalStepsCanBeSwitchedOff) {
  TimetableRules rules = uk_rules();
  rules.requirement_notice_working_days = 0;
  rules.cut_off_working_days_before = 0;
  rules.count_days_after_close = 0;
  const Timetable t = compute_timetable(rules, ew, d("2019-03-05"));
  EXPECT_FALSE(t.requirement_notice_by.has_value());
  EXPECT_FALSE(t.cut_off_day.has_value());
  EXPECT_EQ(t.count_by, t.signing_period_end);
  // Without a cut-off, any working day after the notice may be chosen.
  TimetableOverrides early;
  early.designated_day = d("2019-03-06");
  EXPECT_EQ(to_iso(compute_timetable(rules, ew, d("2019-03-05"), early).designated_day), "2019-03-06");
  early.designated_day = d("2019-03-05");
  EXPECT_NE(error_from([&] { compute_timetable(rules, ew, d("2019-03-05"), early); }).message().find("after the notice"),
            std::string::npos);
}

TEST(Timetable, OverrideErrorsNameTheField) {
  TimetableOverrides overrides;
  overrides.designated_day = d("2019-03-08");
  const Error e = error_from([&] { compute_timetable(uk_rules(), ew, d("2019-03-05"), overrides); });
  EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
  ASSERT_TRUE(e.where().has_value());
  EXPECT_EQ(e.where()->field, "designated_day");
  EXPECT_NE(e.message().find("the 3rd working day before it, would be 2019-03-05"), std::string::npos) << e.message();
}

TEST(Timetable, FromDesignatedRejectsADifferentOverride) {
  TimetableOverrides overrides;
  overrides.designated_day = d("2019-03-18");
  const Error e = error_from([&] { compute_timetable_from_designated(uk_rules(), ew, d("2019-03-19"), overrides); });
  EXPECT_EQ(e.where()->field, "designated_day");
  overrides.designated_day = d("2019-03-19");
  EXPECT_NO_THROW(compute_timetable_from_designated(uk_rules(), ew, d("2019-03-19"), overrides));
}

TEST(Timetable, RuleErrorsNameTheRule) {
  struct Bad {
    void (*spoil)(TimetableRules&);
    const char* field;
  };
  const Bad cases[] = {
      {[](TimetableRules& r) { r.designated_working_day = 0; }, "designated_working_day"},
      {[](TimetableRules& r) { r.requirement_notice_working_days = -1; }, "requirement_notice_working_days"},
      {[](TimetableRules& r) { r.cut_off_working_days_before = -2; }, "cut_off_working_days_before"},
      {[](TimetableRules& r) { r.cut_off_working_days_before = 10; }, "cut_off_working_days_before"},
      {[](TimetableRules& r) { r.signing_period_days = 0; }, "signing_period_days"},
      {[](TimetableRules& r) { r.count_days_after_close = -1; }, "count_days_after_close"},
      {[](TimetableRules& r) { std::swap(r.bank_holiday_extension[0], r.bank_holiday_extension[1]); },
       "bank_holiday_extension[1].applies_from"},
      {[](TimetableRules& r) { r.uses_working_days = false; }, "bank_holiday_extension[0].extends"},
  };
  for (const auto& bad : cases) {
    TimetableRules rules = uk_rules();
    bad.spoil(rules);
    const Error e = error_from([&] { compute_timetable(rules, ew, d("2019-03-05")); });
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(e.where().has_value()) << e.what();
    EXPECT_EQ(e.where()->field, bad.field) << e.what();
  }
}

TEST(Timetable, UnsupportedYearsSayWhichStepAndInput) {
  const Error from_notice = error_from([&] { compute_timetable(uk_rules(), ew, d("2035-12-10")); });
  EXPECT_EQ(from_notice.where()->field, "notice");
  EXPECT_NE(from_notice.message().find("signing period"), std::string::npos) << from_notice.message();
  const Error from_designated =
      error_from([&] { compute_timetable_from_designated(uk_rules(), ew, d("2010-01-04")); });
  EXPECT_EQ(from_designated.where()->field, "designated_day");
  EXPECT_NE(from_designated.message().find("cut-off day"), std::string::npos) << from_designated.message();
}

TEST(Timetable, CalendarDayRulesIgnoreHolidays) {
  TimetableRules rules;
  rules.uses_working_days = false;
  rules.requirement_notice_working_days = 0;
  rules.designated_working_day = 1;
  rules.cut_off_working_days_before = 0;
  rules.signing_period_days = 60;
  const Timetable t = compute_timetable(rules, ew, d("2019-12-23"));
  EXPECT_EQ(to_iso(t.designated_day), "2019-12-24");  // Christmas Eve counts as a day
  EXPECT_EQ(to_iso(t.signing_period_end), "2020-02-21");
  EXPECT_TRUE(t.closures.empty());
  EXPECT_FALSE(t.extended_for_bank_holidays);
}

TEST(DayCounter, Ordinals) {
  using timetable_detail::ordinal;
  EXPECT_EQ(ordinal(1), "1st");
  EXPECT_EQ(ordinal(2), "2nd");
  EXPECT_EQ(ordinal(3), "3rd");
  EXPECT_EQ(ordinal(4), "4th");
  EXPECT_EQ(ordinal(10), "10th");
  EXPECT_EQ(ordinal(11), "11th");
  EXPECT_EQ(ordinal(12), "12th");
  EXPECT_EQ(ordinal(13), "13th");
  EXPECT_EQ(ordinal(21), "21st");
  EXPECT_EQ(ordinal(112), "112th");
}

}  // namespace
}  // namespace recall
