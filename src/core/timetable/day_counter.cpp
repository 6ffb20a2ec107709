#include "core/timetable/day_counter.hpp"

#include <fmt/format.h>

namespace recall::timetable_detail {

DayCounter::DayCounter(const TimetableRules& rules, HolidayRegion region)
    : working_days_(rules.uses_working_days), region_(region) {}

Date DayCounter::forward(Date from, int n) const {
  return working_days_ ? add_working_days(region_, from, n) : from + std::chrono::days{n};
}

Date DayCounter::back(Date from, int n) const {
  return working_days_ ? subtract_working_days(region_, from, n) : from - std::chrono::days{n};
}

bool DayCounter::counts(Date date) const { return !working_days_ || is_working_day(region_, date); }

std::string DayCounter::describe(int n) const {
  return fmt::format("{} {}", ordinal(n), working_days_ ? "working day" : "day");
}

std::string ordinal(int n) {
  const int last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return fmt::format("{}{}", n, suffix);
}

}  // namespace recall::timetable_detail
