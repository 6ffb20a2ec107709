#pragma once
// Recall of MPs Act 2015 s.14: who counts as an eligible registered elector for the 10% test.
#include <span>

#include "core/calendar/date.hpp"
#include "core/register/register_entry.hpp"

namespace recall {

struct EligibilityCount {
  long eligible = 0;  // on the register on close_day and 18 or over that day
  // Electors who are on the register on close_day but under 18 that day.
  long excluded_under_18 = 0;
  // Records that took effect after the notice and by the cut-off day from a late application (also an
  // "application" made after notice_date): they do not alter the register for s.14.
  long excluded_late_application = 0;
  // Records that took effect after the cut-off day (and by close_day) for any cause other than a court
  // order or an error correction.
  long excluded_after_cut_off = 0;
  // Electors whose entry was deleted, by a record that counts, on or before close_day.
  long deleted = 0;
  // Records that take effect after close_day: not on the register on the last day.
  long not_yet_effective = 0;

  bool operator==(const EligibilityCount&) const = default;
};

// Whether one record alters the register for s.14 (and so for the petition register of s.10).
enum class RecordStanding { counts, not_yet_effective, after_cut_off, late_application };
RecordStanding standing_of(const RegisterEntry& entry, Date notice_date, Date cut_off_day, Date close_day);

// Records apply in order of effective date, ties in the order given. A correction replaces the
// entry's details (it may add a date of birth or remove one); a correction or deletion of an elector
// with no entry yet in effect is ignored, as is a second addition of one already on the register
// (it replaces the details like a correction).
EligibilityCount count_eligible(std::span<const RegisterEntry> entries, Date notice_date, Date cut_off_day,
                                Date close_day);

// Whole years of age on `day` for someone born on `born` (29 February birthdays fall on 1 March).
int age_on(Date born, Date day);

}  // namespace recall
