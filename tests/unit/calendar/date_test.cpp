#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"

namespace recall {
namespace {

TEST(Date, MakeDateRejectsImpossibleDays) {
  EXPECT_EQ(to_iso(make_date(2024, 2, 29)), "2024-02-29");
  EXPECT_THROW(make_date(2023, 2, 29), Error);
  EXPECT_THROW(make_date(2023, 13, 1), Error);
  EXPECT_THROW(make_date(2023, 0, 1), Error);
  EXPECT_THROW(make_date(2023, 1, 0), Error);
  // Out-of-range parts must not wrap round into a valid date.
  EXPECT_THROW(make_date(2023, 257, 1), Error);
  EXPECT_THROW(make_date(2023, 1, 257), Error);
  EXPECT_THROW(make_date(100000, 1, 1), Error);
}

TEST(Date, ParsesIsoDatesExactly) {
  EXPECT_EQ(to_iso(parse_iso_date("2019-03-19")), "2019-03-19");
  EXPECT_FALSE(try_parse_iso_date("2019-3-19"));
  EXPECT_FALSE(try_parse_iso_date("2019-02-30"));
  EXPECT_FALSE(try_parse_iso_date("-001-01-01"));
  EXPECT_FALSE(try_parse_iso_date("2019-+1-01"));
  EXPECT_FALSE(try_parse_iso_date("2019-01- 1"));
  EXPECT_FALSE(try_parse_iso_date("2019/01/01"));
  EXPECT_FALSE(try_parse_iso_date(""));
}

TEST(Date, ParseErrorNamesTheField) {
  try {
    parse_iso_date("19 March", "designated_day");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(e.where().has_value());
    EXPECT_EQ(e.where()->field, "designated_day");
    EXPECT_NE(e.message().find("19 March"), std::string::npos);
  }
}

TEST(Date, Formats) {
  const Date day = make_date(2019, 3, 19);
  EXPECT_EQ(to_long_form(day), "Tuesday 19 March 2019");
  EXPECT_EQ(to_short_form(day), "19 Mar 2019");
  EXPECT_EQ(year_of(day), 2019);
  EXPECT_FALSE(is_weekend(day));
  EXPECT_TRUE(is_weekend(make_date(2019, 3, 23)));
  EXPECT_TRUE(is_weekend(make_date(2019, 3, 24)));
}

}  // namespace
}  // namespace recall
