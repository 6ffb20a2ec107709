#pragma once
// Calendar dates as std::chrono::sys_days: arithmetic is plain day counts, comparisons are exact.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace recall {

using Date = std::chrono::sys_days;

Date make_date(int year, unsigned month, unsigned day);  // throws Error(invalid_input) if no such day
std::optional<Date> try_parse_iso_date(std::string_view text);  // "YYYY-MM-DD" exactly
Date parse_iso_date(std::string_view text, std::string_view field = {});  // throws with field named
std::string to_iso(Date date);                                      // "2019-03-19"
std::string to_long_form(Date date);                                // "Tuesday 19 March 2019"
std::string to_short_form(Date date);                               // "19 Mar 2019"
int year_of(Date date);
bool is_weekend(Date date);
Date today_utc();

}  // namespace recall
