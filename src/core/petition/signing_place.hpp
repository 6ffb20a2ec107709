#pragma once
// Signing places (s.7: at most the policy's maximum, UK 10) and their opening hours. Places open at
// least 09:00-17:00 on working days in the signing period and shut on the timetable's closures
// (bank holidays, Christmas Eve); officers may open longer on given weekdays (Peterborough: from 07:00
// on Tuesdays, until 22:00 on Thursdays).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/petition/local_time.hpp"
#include "core/timetable/timetable.hpp"

namespace recall {

struct OpeningHours {
  int weekday = 1;       // ISO: 1 Monday .. 7 Sunday
  int opens = 9 * 60;    // minutes since local midnight
  int closes = 17 * 60;
  bool operator==(const OpeningHours&) const = default;
};

struct SigningPlace {
  std::int64_t id = 0;   // assigned by the store
  std::int64_t petition_id = 0;
  std::string name;      // "Peterborough Town Hall"
  std::string address;   // one line per "\n"
  std::string postcode;
  std::vector<OpeningHours> hours;  // at most one per weekday; weekdays absent are shut
  bool operator==(const SigningPlace&) const = default;
};

// Monday to Friday 09:00-17:00: the statutory minimum.
std::vector<OpeningHours> minimum_opening_hours();
// Throws Error(invalid_input) naming the field ("hours[2].opens" ...) for hours shorter than the
// minimum on a weekday, closes <= opens, a repeated weekday or a weekday out of range.
void check_opening_hours(const std::vector<OpeningHours>& hours);
// "Mon-Fri 09:00-17:00; Tue from 07:00; Thu until 22:00" style text for notices.
std::string describe_opening_hours(const std::vector<OpeningHours>& hours);

// Open now: a day of the signing period [designated_day, last_day] that is not a closure, within the
// hours for that weekday.
bool is_open(const SigningPlace& place, const Timetable& timetable, Date last_day, const LocalDateTime& now);

// Polling district -> place id. The default allocation gives each district, in name order, to the
// places in turn, keeping districts whole; the officer can then move any district.
using Allocation = std::map<std::string, std::int64_t>;
Allocation allocate_districts(const std::vector<std::string>& districts, const std::vector<std::int64_t>& place_ids);

}  // namespace recall
