#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/calendar/bank_holidays.hpp"

namespace recall {
namespace {

Date d(std::string_view iso) { return parse_iso_date(iso); }

std::string name_on(HolidayRegion region, std::string_view iso) {
  const auto holiday = find_bank_holiday(region, d(iso));
  return holiday ? holiday->name : std::string("(none)");
}

TEST(BankHolidays, ChristmasOnSaturdayGivesMondayAndTuesdaySubstitutes) {
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2021-12-27"), "Christmas Day (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2021-12-28"), "Boxing Day (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2021-12-25"), "(none)");  // the weekend day itself is not listed
}

TEST(BankHolidays, ChristmasOnSundaySkipsBoxingDayMonday) {
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2022-12-26"), "Boxing Day");
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2022-12-27"), "Christmas Day (substitute day)");
}

TEST(BankHolidays, ScotlandNewYearPairMovesTogether) {
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2022-01-03"), "New Year's Day (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2022-01-04"), "2nd January (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2021-01-04"), "2nd January (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2021-01-04"), "(none)");
}

TEST(BankHolidays, RegionalDays) {
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2019-12-02"), "St Andrew's Day (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2019-04-22"), "(none)");  // no Easter Monday in Scotland
  EXPECT_EQ(name_on(HolidayRegion::scotland, "2019-08-05"), "Summer bank holiday");
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2019-08-26"), "Summer bank holiday");
  EXPECT_EQ(name_on(HolidayRegion::northern_ireland, "2019-03-18"), "St Patrick's Day (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::northern_ireland, "2025-07-14"),
            "Battle of the Boyne (Orangemen's Day) (substitute day)");
  EXPECT_EQ(name_on(HolidayRegion::england_and_wales, "2025-07-14"), "(none)");
}

TEST(BankHolidays, OneOffsApplyInEveryRegion) {
  for (auto region : {HolidayRegion::england_and_wales, HolidayRegion::scotland, HolidayRegion::northern_ireland}) {
    EXPECT_EQ(name_on(region, "2011-04-29"), "Royal wedding");
    EXPECT_EQ(name_on(region, "2012-06-04"), "Spring bank holiday");
    EXPECT_EQ(name_on(region, "2012-06-05"), "Queen's Diamond Jubilee");
    EXPECT_EQ(name_on(region, "2012-05-28"), "(none)");
    EXPECT_EQ(name_on(region, "2020-05-08"), "Early May bank holiday (VE day)");
    EXPECT_EQ(name_on(region, "2020-05-04"), "(none)");
    EXPECT_EQ(name_on(region, "2022-06-02"), "Spring bank holiday");
    EXPECT_EQ(name_on(region, "2022-05-30"), "(none)");
    EXPECT_EQ(name_on(region, "2022-09-19"), "Bank holiday for the State Funeral of Queen Elizabeth II");
    EXPECT_EQ(name_on(region, "2023-05-08"), "Bank holiday for the coronation of King Charles III");
  }
}

TEST(BankHolidays, EveryYearIsSortedWithoutDuplicatesOrWeekends) {
  for (auto region : {HolidayRegion::england_and_wales, HolidayRegion::scotland, HolidayRegion::northern_ireland}) {
    for (int year = first_supported_year; year <= last_supported_year; ++year) {
      const auto list = bank_holidays(region, year);
      ASSERT_GE(list.size(), 8u);
      for (std::size_t i = 0; i < list.size(); ++i) {
        EXPECT_FALSE(is_weekend(list[i].date)) << to_iso(list[i].date);
        EXPECT_EQ(year_of(list[i].date), year);
        if (i > 0) {
          EXPECT_LT(list[i - 1].date, list[i].date) << to_string(region) << " " << year;
        }
      }
    }
  }
}

TEST(BankHolidays, YearsOutsideTheSupportedRangeAreErrors) {
  EXPECT_NO_THROW(bank_holidays(HolidayRegion::scotland, 2010));
  EXPECT_NO_THROW(bank_holidays(HolidayRegion::scotland, 2035));
  for (int year : {2009, 2036}) {
    try {
      bank_holidays(HolidayRegion::england_and_wales, year);
      FAIL() << year;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      EXPECT_NE(e.message().find(std::to_string(year)), std::string::npos) << e.message();
    }
  }
  EXPECT_THROW(is_bank_holiday(HolidayRegion::scotland, d("2036-01-01")), Error);
  EXPECT_THROW(find_bank_holiday(HolidayRegion::scotland, d("2009-12-25")), Error);
}

TEST(HolidayRegion, ParsesAndPrintsTheThreeParts) {
  for (auto region : {HolidayRegion::england_and_wales, HolidayRegion::scotland, HolidayRegion::northern_ireland}) {
    EXPECT_EQ(parse_holiday_region(to_string(region)), region);
  }
  EXPECT_EQ(to_string(HolidayRegion::england_and_wales), "england-and-wales");
}

TEST(HolidayRegion, UnknownNamesSayWhatWasExpected) {
  try {
    parse_holiday_region("wales");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_NE(e.message().find("'wales'"), std::string::npos);
    EXPECT_NE(e.message().find("england-and-wales"), std::string::npos);
    ASSERT_TRUE(e.where().has_value());
    EXPECT_EQ(e.where()->field, "region");
  }
}

}  // namespace
}  // namespace recall
