#pragma once
// Consistency checks on a policy's timetable rules, shared by both ways of computing a timetable.
// Internal to the timetable library.
#include "core/timetable/timetable.hpp"

namespace recall::timetable_detail {

// Throws Error(invalid_input) naming the offending field of TimetableRules.
void check_rules(const TimetableRules& rules);

}  // namespace recall::timetable_detail
