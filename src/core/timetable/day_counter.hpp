#pragma once
// Counting days in the unit a policy uses: working days in the region (UK Act) or calendar days.
// Internal to the timetable library.
#include <string>

#include "core/calendar/working_days.hpp"
#include "core/timetable/timetable.hpp"

namespace recall::timetable_detail {

class DayCounter {
 public:
  DayCounter(const TimetableRules& rules, HolidayRegion region);

  [[nodiscard]] Date forward(Date from, int n) const;  // the Nth counted day after `from`
  [[nodiscard]] Date back(Date from, int n) const;     // the Nth counted day before `from`
  [[nodiscard]] bool counts(Date date) const;          // every day counts in calendar mode
  [[nodiscard]] std::string describe(int n) const;     // "3rd working day", "60th day"

 private:
  bool working_days_;
  HolidayRegion region_;
};

std::string ordinal(int n);  // 1st, 2nd, 3rd, 4th, 11th, 21st

}  // namespace recall::timetable_detail
