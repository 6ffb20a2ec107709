#include "core/calendar/working_days.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

void require_count(int n, const char* function) {
  if (n < 0) throw_invalid(fmt::format("{}: the number of working days must not be negative (got {})", function, n));
}

}  // namespace

std::optional<std::string> non_working_reason(HolidayRegion region, Date date) {
  // A bank holiday's own name is the most telling reason, so it is looked up first (this also
  // rejects years outside the supported range, weekends included, so answers never silently change).
  if (auto holiday = find_bank_holiday(region, date)) return holiday->name;
  const std::chrono::year_month_day ymd{date};
  if (ymd.month() == std::chrono::December && ymd.day() == std::chrono::day{24}) return "Christmas Eve";
  if (ymd.month() == std::chrono::December && ymd.day() == std::chrono::day{25}) return "Christmas Day";
  if (date == easter_sunday(year_of(date)) - std::chrono::days{2}) return "Good Friday";
  const std::chrono::weekday weekday{date};
  if (weekday == std::chrono::Saturday) return "Saturday";
  if (weekday == std::chrono::Sunday) return "Sunday";
  return std::nullopt;
}

bool is_working_day(HolidayRegion region, Date date) { return !non_working_reason(region, date).has_value(); }

Date add_working_days(HolidayRegion region, Date from, int n) {
  require_count(n, "add_working_days");
  Date day = from;
  for (int found = 0; found < n;) {
    day += std::chrono::days{1};
    if (is_working_day(region, day)) ++found;
  }
  return day;
}

Date subtract_working_days(HolidayRegion region, Date from, int n) {
  require_count(n, "subtract_working_days");
  Date day = from;
  for (int found = 0; found < n;) {
    day -= std::chrono::days{1};
    if (is_working_day(region, day)) ++found;
  }
  return day;
}

int count_working_days(HolidayRegion region, Date first, Date last) {
  int count = 0;
  for (Date day = first; day <= last; day += std::chrono::days{1}) {
    if (is_working_day(region, day)) ++count;
  }
  return count;
}

}  // namespace recall
