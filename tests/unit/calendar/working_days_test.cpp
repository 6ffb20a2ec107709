#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/calendar/working_days.hpp"

namespace recall {
namespace {

constexpr auto ew = HolidayRegion::england_and_wales;
constexpr auto sc = HolidayRegion::scotland;
constexpr auto ni = HolidayRegion::northern_ireland;

Date d(std::string_view iso) { return parse_iso_date(iso); }

TEST(WorkingDays, ExcludesWhatTheActExcludes) {
  EXPECT_TRUE(is_working_day(ew, d("2019-03-05")));
  EXPECT_FALSE(is_working_day(ew, d("2019-03-09")));  // Saturday
  EXPECT_FALSE(is_working_day(ew, d("2019-03-10")));  // Sunday
  EXPECT_FALSE(is_working_day(ew, d("2019-12-24")));  // Christmas Eve, a Tuesday and not a bank holiday
  EXPECT_FALSE(is_working_day(sc, d("2019-04-19")));  // Good Friday
  EXPECT_FALSE(is_working_day(ew, d("2019-04-22")));  // Easter Monday
  EXPECT_TRUE(is_working_day(sc, d("2019-04-22")));   // not a bank holiday in Scotland
  EXPECT_FALSE(is_working_day(sc, d("2019-01-02")));
  EXPECT_TRUE(is_working_day(ew, d("2019-01-02")));
  EXPECT_FALSE(is_working_day(ni, d("2019-07-12")));
  EXPECT_TRUE(is_working_day(ew, d("2019-07-12")));
}

TEST(WorkingDays, ReasonsNameTheDay) {
  EXPECT_EQ(non_working_reason(ew, d("2019-12-24")), "Christmas Eve");
  EXPECT_EQ(non_working_reason(ew, d("2021-12-25")), "Christmas Day");  // a Saturday; the Act names it anyway
  EXPECT_EQ(non_working_reason(ew, d("2019-04-22")), "Easter Monday");
  EXPECT_EQ(non_working_reason(ew, d("2019-03-09")), "Saturday");
  EXPECT_EQ(non_working_reason(ew, d("2019-03-10")), "Sunday");
  EXPECT_EQ(non_working_reason(ew, d("2019-03-11")), std::nullopt);
}

TEST(WorkingDays, AddCountsFromTheDayAfter) {
  // Peterborough: notice Tue 5 Mar 2019, 3rd working day Fri 8 Mar, 10th Tue 19 Mar.
  EXPECT_EQ(to_iso(add_working_days(ew, d("2019-03-05"), 3)), "2019-03-08");
  EXPECT_EQ(to_iso(add_working_days(ew, d("2019-03-05"), 10)), "2019-03-19");
  EXPECT_EQ(to_iso(add_working_days(ew, d("2019-03-05"), 0)), "2019-03-05");
  // From a Saturday the next working day is Monday.
  EXPECT_EQ(to_iso(add_working_days(ew, d("2019-03-09"), 1)), "2019-03-11");
  // Over Christmas 2020 in England: 24 (Eve), 25, 28 (Boxing Day substitute) and weekends are skipped.
  EXPECT_EQ(to_iso(add_working_days(ew, d("2020-12-23"), 1)), "2020-12-29");
  // Over New Year 2019 in Scotland: 1 and 2 January both shut.
  EXPECT_EQ(to_iso(add_working_days(sc, d("2018-12-31"), 1)), "2019-01-03");
  EXPECT_EQ(to_iso(add_working_days(ew, d("2018-12-31"), 1)), "2019-01-02");
}

TEST(WorkingDays, SubtractCountsFromTheDayBefore) {
  EXPECT_EQ(to_iso(subtract_working_days(ew, d("2019-03-19"), 3)), "2019-03-14");
  EXPECT_EQ(to_iso(subtract_working_days(ew, d("2019-04-23"), 1)), "2019-04-18");  // over Easter
  EXPECT_EQ(to_iso(subtract_working_days(sc, d("2019-04-23"), 1)), "2019-04-22");
  EXPECT_EQ(to_iso(subtract_working_days(ew, d("2019-03-19"), 0)), "2019-03-19");
}

TEST(WorkingDays, CountIncludesBothEnds) {
  EXPECT_EQ(count_working_days(ew, d("2019-03-19"), d("2019-04-29")), 28);  // 30 weekdays less Easter
  EXPECT_EQ(count_working_days(sc, d("2019-03-19"), d("2019-04-29")), 29);
  EXPECT_EQ(count_working_days(ew, d("2019-03-19"), d("2019-03-19")), 1);
  EXPECT_EQ(count_working_days(ew, d("2019-03-20"), d("2019-03-19")), 0);
}

TEST(WorkingDays, AddAndSubtractAreInverseOnWorkingDays) {
  for (auto region : {ew, sc, ni}) {
    for (Date day = d("2018-12-01"); day <= d("2019-01-31"); day += std::chrono::days{1}) {
      if (!is_working_day(region, day)) continue;
      for (int n = 1; n <= 12; ++n) {
        const Date later = add_working_days(region, day, n);
        EXPECT_EQ(subtract_working_days(region, later, n), day) << to_iso(day) << " " << n;
        EXPECT_EQ(count_working_days(region, day + std::chrono::days{1}, later), n);
      }
    }
  }
}

TEST(WorkingDays, NegativeCountsAndUnsupportedYearsAreErrors) {
  EXPECT_THROW(add_working_days(ew, d("2019-03-05"), -1), Error);
  EXPECT_THROW(subtract_working_days(ew, d("2019-03-05"), -1), Error);
  EXPECT_THROW(add_working_days(ew, d("2035-12-20"), 10), Error);  // runs into 2036
  EXPECT_THROW(subtract_working_days(ew, d("2010-01-05"), 5), Error);
  EXPECT_THROW(is_working_day(ew, d("2036-01-05")), Error);
  EXPECT_THROW(is_working_day(ew, d("2036-01-05")), Error);
}

}  // namespace
}  // namespace recall
