#pragma once
// Working days as the Recall of MPs Act 2015 counts them: not a Saturday or Sunday, Christmas Eve,
// Christmas Day, Good Friday, or a bank holiday in the part of the UK concerned.
#include "core/calendar/bank_holidays.hpp"
#include "core/calendar/date.hpp"

namespace recall {

bool is_working_day(HolidayRegion region, Date date);
// The Nth working day after `from` (n >= 1); `from` itself never counts.
Date add_working_days(HolidayRegion region, Date from, int n);
// The Nth working day before `from` (n >= 1).
Date subtract_working_days(HolidayRegion region, Date from, int n);
// Working days in [first, last], both included.
int count_working_days(HolidayRegion region, Date first, Date last);

}  // namespace recall
