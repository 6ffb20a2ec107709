#include <gtest/gtest.h>

#include <map>

#include "core/base/error.hpp"
#include "core/calendar/bank_holidays.hpp"

namespace recall {
namespace {

// Easter Sundays as printed in published tables of the dates of Easter.
const std::map<int, std::string> known_easter_sundays = {
    {2010, "2010-04-04"}, {2011, "2011-04-24"}, {2012, "2012-04-08"}, {2013, "2013-03-31"}, {2014, "2014-04-20"},
    {2015, "2015-04-05"}, {2016, "2016-03-27"}, {2017, "2017-04-16"}, {2018, "2018-04-01"}, {2019, "2019-04-21"},
    {2020, "2020-04-12"}, {2021, "2021-04-04"}, {2022, "2022-04-17"}, {2023, "2023-04-09"}, {2024, "2024-03-31"},
    {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"}, {2028, "2028-04-16"}, {2029, "2029-04-01"},
    {2030, "2030-04-21"}, {2031, "2031-04-13"}, {2032, "2032-03-28"}, {2033, "2033-04-17"}, {2034, "2034-04-09"},
    {2035, "2035-03-25"},
};

TEST(EasterSunday, MatchesPublishedDates2010To2035) {
  for (const auto& [year, date] : known_easter_sundays) {
    EXPECT_EQ(to_iso(easter_sunday(year)), date) << year;
  }
}

TEST(EasterSunday, HandlesTheExtremesOfTheCycle) {
  EXPECT_EQ(to_iso(easter_sunday(1818)), "1818-03-22");  // earliest possible
  EXPECT_EQ(to_iso(easter_sunday(1943)), "1943-04-25");  // latest possible
  EXPECT_EQ(to_iso(easter_sunday(2000)), "2000-04-23");
}

TEST(EasterSunday, IsAlwaysASunday) {
  for (int year = 1583; year <= 9999; year += 7) {
    EXPECT_EQ(std::chrono::weekday{easter_sunday(year)}, std::chrono::Sunday) << year;
  }
}

TEST(EasterSunday, RejectsYearsBeforeTheGregorianCalendar) {
  EXPECT_THROW(easter_sunday(1582), Error);
  EXPECT_THROW(easter_sunday(10000), Error);
  try {
    easter_sunday(1000);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_NE(e.message().find("1000"), std::string::npos);
  }
}

}  // namespace
}  // namespace recall
