// Each tests/golden/bank_holidays/<region>-<year>.json lists the dates GOV.UK published for that year.
#include <gtest/gtest.h>

#include "core/calendar/bank_holidays.hpp"
#include "support/golden_cases.hpp"

namespace recall {
namespace {

using testing::GoldenCase;

class BankHolidayGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(BankHolidayGolden, MatchesPublishedDates) {
  const auto doc = testing::read_golden(GetParam().path);
  const HolidayRegion region = parse_holiday_region(doc.at("region").get<std::string>());
  const int year = doc.at("year").get<int>();
  std::vector<std::string> expected;
  for (const auto& d : doc.at("dates")) expected.push_back(d.get<std::string>());

  std::vector<std::string> actual;
  for (const auto& holiday : bank_holidays(region, year)) {
    actual.push_back(to_iso(holiday.date));
    EXPECT_FALSE(holiday.name.empty()) << to_iso(holiday.date);
  }
  EXPECT_EQ(actual, expected) << GetParam().path;
}

INSTANTIATE_TEST_SUITE_P(Published, BankHolidayGolden, ::testing::ValuesIn(testing::golden_cases("bank_holidays")),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(BankHolidayGoldenFolder, HoldsEveryRegionForTheRequiredYears) {
  const auto cases = testing::golden_cases("bank_holidays");
  for (const char* region : {"england_and_wales", "scotland", "northern_ireland"}) {
    for (int year : {2011, 2012, 2015, 2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}) {
      const std::string name = std::string(region) + "_" + std::to_string(year);
      EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const auto& c) { return c.name == name; })) << name;
    }
  }
}

}  // namespace
}  // namespace recall
