#include "core/petition/signing_place.hpp"

#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "petition_fixture.hpp"

namespace recall {
namespace {

// Peterborough's extended hours: from 07:00 on Tuesdays, until 22:00 on Thursdays.
std::vector<OpeningHours> peterborough_hours() {
  auto hours = minimum_opening_hours();
  hours[1].opens = 7 * 60;
  hours[3].closes = 22 * 60;
  return hours;
}

std::string field_of(const std::vector<OpeningHours>& hours) {
  try {
    check_opening_hours(hours);
  } catch (const Error& e) {
    return e.where() ? e.where()->field : "(no field)";
  }
  return "";
}

TEST(OpeningHours, TheMinimumIsNineToFiveOnWeekdays) {
  EXPECT_EQ(field_of(minimum_opening_hours()), "");
  EXPECT_EQ(field_of(peterborough_hours()), "");
  auto short_day = minimum_opening_hours();
  short_day[2].closes = 16 * 60;
  EXPECT_EQ(field_of(short_day), "hours[2].closes");
  auto late_start = minimum_opening_hours();
  late_start[0].opens = 10 * 60;
  EXPECT_EQ(field_of(late_start), "hours[0].opens");
  auto missing_friday = minimum_opening_hours();
  missing_friday.pop_back();
  EXPECT_EQ(field_of(missing_friday), "hours");
  auto twice = minimum_opening_hours();
  twice.push_back(OpeningHours{1, 8 * 60, 18 * 60});
  EXPECT_EQ(field_of(twice), "hours[5].weekday");
  auto saturday = minimum_opening_hours();
  saturday.push_back(OpeningHours{6, 10 * 60, 12 * 60});  // weekends may be shorter
  EXPECT_EQ(field_of(saturday), "");
}

TEST(OpeningHours, DescribedForNotices) {
  EXPECT_EQ(describe_opening_hours(minimum_opening_hours()), "Mon-Fri 09:00-17:00");
  EXPECT_EQ(describe_opening_hours(peterborough_hours()),
            "Mon 09:00-17:00; Tue 07:00-17:00; Wed 09:00-17:00; Thu 09:00-22:00; Fri 09:00-17:00");
}

TEST(OpeningHours, OpenOnlyInHoursOnWorkingDaysOfThePeriod) {
  SigningPlace place;
  place.hours = peterborough_hours();
  const Timetable timetable = testing::peterborough_timetable();
  const Date last = timetable.signing_period_end;
  auto at = [](int m, int d, int hour, int minute = 0) { return LocalDateTime{make_date(2019, static_cast<unsigned>(m), static_cast<unsigned>(d)), hour * 60 + minute}; };
  EXPECT_TRUE(is_open(place, timetable, last, at(3, 19, 7)));      // Tuesday from 07:00
  EXPECT_FALSE(is_open(place, timetable, last, at(3, 20, 7)));     // Wednesday opens at 09:00
  EXPECT_TRUE(is_open(place, timetable, last, at(3, 21, 21, 59))); // Thursday until 22:00
  EXPECT_FALSE(is_open(place, timetable, last, at(3, 21, 22)));
  EXPECT_FALSE(is_open(place, timetable, last, at(4, 19, 12)));    // Good Friday
  EXPECT_FALSE(is_open(place, timetable, last, at(4, 22, 12)));    // Easter Monday
  EXPECT_FALSE(is_open(place, timetable, last, at(3, 23, 12)));    // Saturday: no hours given
  EXPECT_TRUE(is_open(place, timetable, last, at(5, 1, 16, 59)));  // the last day
  EXPECT_FALSE(is_open(place, timetable, last, at(5, 2, 12)));
  EXPECT_FALSE(is_open(place, timetable, last, at(3, 18, 12)));    // before the designated day
}

TEST(Allocation, KeepsDistrictsWholeAndNeighboursTogether) {
  const auto allocation = allocate_districts({"SC", "SA", "SB", "SD", "SA"}, {20, 10});
  ASSERT_EQ(allocation.size(), 4u);
  EXPECT_EQ(allocation.at("SA"), 10);
  EXPECT_EQ(allocation.at("SB"), 10);
  EXPECT_EQ(allocation.at("SC"), 20);
  EXPECT_EQ(allocation.at("SD"), 20);
  EXPECT_TRUE(allocate_districts({"SA"}, {}).empty());
  const auto more_places = allocate_districts({"SA"}, {3, 1, 2});
  EXPECT_EQ(more_places.at("SA"), 1);
}

}  // namespace
}  // namespace recall
