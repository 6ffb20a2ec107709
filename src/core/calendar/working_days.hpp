#pragma once
// Working days as the Recall of MPs Act 2015 counts them: not a Saturday or Sunday, Christmas Eve,
// Christmas Day, Good Friday, or a bank holiday in the part of the UK concerned.
#include <optional>
#include <string>

#include "core/calendar/bank_holidays.hpp"
#include "core/calendar/date.hpp"

namespace recall {

bool is_working_day(HolidayRegion region, Date date);
// Why `date` is not a working day ("Saturday", "Christmas Eve", "Easter Monday"), or nothing if it is one.
std::optional<std::string> non_working_reason(HolidayRegion region, Date date);
// The Nth working day after `from` (n >= 1; n == 0 gives `from`); `from` itself never counts.
Date add_working_days(HolidayRegion region, Date from, int n);
// The Nth working day before `from` (n >= 1; n == 0 gives `from`).
Date subtract_working_days(HolidayRegion region, Date from, int n);
// Working days in [first, last], both included (0 when last is before first).
int count_working_days(HolidayRegion region, Date first, Date last);

}  // namespace recall
