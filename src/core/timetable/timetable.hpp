#pragma once
// The statutory timetable of a recall petition, computed from a policy's timetable rules.
// Peterborough 2019: notice Tue 5 Mar, requirement notice by Fri 8 Mar, cut-off Thu 14 Mar,
// designated day Tue 19 Mar, six weeks to Mon 29 Apr, extended by Good Friday and Easter Monday to
// Wed 1 May, count by Thu 2 May.
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/bank_holidays.hpp"
#include "core/calendar/date.hpp"

namespace recall {

// Whether signing places shut on bank holidays add those days to the end of the signing period.
// Practice changed over time, so each setting carries the first designated day it applies to.
struct BankHolidayExtensionRule {
  Date applies_from;  // designated days on or after this date use `extends`
  bool extends = true;
};

struct TimetableRules {
  bool uses_working_days = true;          // false: every count below is in calendar days (non-UK policies)
  int requirement_notice_working_days = 3;// requirement published within N working days of the notice (0: none)
  int designated_working_day = 10;        // signing opens on the Nth working day after the notice
  int cut_off_working_days_before = 3;    // cut-off day: Nth working day before the designated day (0: none)
  int signing_period_days = 42;           // "the period of 6 weeks beginning with the designated day"
  std::vector<BankHolidayExtensionRule> bank_holiday_extension;  // sorted by applies_from; empty: never extends
  int count_days_after_close = 1;         // the count starts no later than N days after the close
};

struct TimetableOverrides {
  std::optional<Date> designated_day;           // an officer may choose an earlier designated day
  std::optional<bool> extend_for_bank_holidays; // an officer may override the policy's extension setting
  bool operator==(const TimetableOverrides&) const = default;
};

struct Timetable {
  std::optional<Date> notice;                   // the Speaker's notice (absent when computed from the designated day)
  std::optional<Date> requirement_notice_by;    // absent when the notice is unknown or the policy has none
  std::optional<Date> cut_off_day;
  Date designated_day;
  Date signing_period_end;                      // the last day on which signing is possible
  Date unextended_end;                          // designated day + period - 1
  bool extended_for_bank_holidays = false;     // the extension setting in force (policy or override), even if no day was added
  // Weekdays in [designated_day, signing_period_end] that are not working days (bank holidays, Christmas Eve),
  // when signing places shut; listed whether or not the period was extended. Empty for calendar-day rules.
  std::vector<BankHoliday> closures;
  Date count_by;                                // last day by which the count must start
  bool operator==(const Timetable&) const = default;
};

// From a notice date. Throws Error(invalid_input) for an override later than the statutory designated
// day, one too early to leave a cut-off day after the notice, one that is not a working day, inconsistent
// rules, or dates outside the supported calendar years.
Timetable compute_timetable(const TimetableRules& rules, HolidayRegion region, Date notice,
                            const TimetableOverrides& overrides = {});
// From a designated day alone (for petitions whose notice date is not known). Throws Error(invalid_input)
// for a designated day that is not a working day, or an overriding designated day that differs from it.
// Errors name the field at fault (SourceLocation::field: "designated_day", "notice", or a TimetableRules field).
Timetable compute_timetable_from_designated(const TimetableRules& rules, HolidayRegion region, Date designated,
                                            const TimetableOverrides& overrides = {});

}  // namespace recall
