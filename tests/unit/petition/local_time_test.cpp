#include "core/petition/local_time.hpp"

#include <gtest/gtest.h>

#include "core/base/error.hpp"

namespace recall {
namespace {

std::int64_t unix_at(int y, unsigned m, unsigned d, int hour, int minute) {
  return static_cast<std::int64_t>(make_date(y, m, d).time_since_epoch().count()) * 86400 + hour * 3600 + minute * 60;
}

TEST(UkLocalTime, WinterIsGmt) {
  EXPECT_EQ(uk_local_time(unix_at(2019, 3, 19, 7, 0)), (LocalDateTime{make_date(2019, 3, 19), 7 * 60}));
}

TEST(UkLocalTime, SummerTimeStartsAtOneUtcOnTheLastSundayOfMarch) {
  // 31 March 2019 was the last Sunday of March.
  EXPECT_EQ(uk_local_time(unix_at(2019, 3, 31, 0, 59)), (LocalDateTime{make_date(2019, 3, 31), 59}));
  EXPECT_EQ(uk_local_time(unix_at(2019, 3, 31, 1, 0)), (LocalDateTime{make_date(2019, 3, 31), 2 * 60}));
}

TEST(UkLocalTime, SummerTimeEndsAtOneUtcOnTheLastSundayOfOctober) {
  // 27 October 2019 was the last Sunday of October.
  EXPECT_EQ(uk_local_time(unix_at(2019, 10, 27, 0, 59)), (LocalDateTime{make_date(2019, 10, 27), 60 + 59}));
  EXPECT_EQ(uk_local_time(unix_at(2019, 10, 27, 1, 0)), (LocalDateTime{make_date(2019, 10, 27), 60}));
}

TEST(UkLocalTime, LateEveningInSummerIsTheNextLocalDay) {
  EXPECT_EQ(uk_local_time(unix_at(2019, 4, 30, 23, 30)), (LocalDateTime{make_date(2019, 5, 1), 30}));
}

TEST(LocalTimeText, RoundTrips) {
  const auto parsed = parse_local_date_time("2019-03-19T07:00", "as_of");
  EXPECT_EQ(parsed, (LocalDateTime{make_date(2019, 3, 19), 7 * 60}));
  EXPECT_EQ(to_iso(parsed), "2019-03-19T07:00");
}

TEST(LocalTimeText, RejectsMalformedTimesNamingTheField) {
  for (const char* bad : {"2019-03-19 07:00", "2019-03-19T7:00", "2019-02-30T07:00", "2019-03-19T24:00",
                          "2019-03-19T12:60"}) {
    try {
      parse_local_date_time(bad, "as_of");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
      ASSERT_TRUE(e.where());
      EXPECT_EQ(e.where()->field, "as_of");
    }
  }
}

TEST(ClockTime, AcceptsTheEndOfTheDay) {
  EXPECT_EQ(parse_clock_time("24:00", "closes"), 24 * 60);
  EXPECT_EQ(format_clock_time(22 * 60), "22:00");
  EXPECT_THROW(parse_clock_time("9:00", "opens"), Error);
}

}  // namespace
}  // namespace recall
