#pragma once
// The wall-clock time in the constituency. Signing hours and the close are local (UK: GMT or BST),
// while stored instants are UTC; this is the one place that converts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/date.hpp"

namespace recall {

struct LocalDateTime {
  Date date;
  int minutes = 0;  // minutes since local midnight, 0..1439
  bool operator==(const LocalDateTime&) const = default;
  auto operator<=>(const LocalDateTime&) const = default;
};

// UK civil time: GMT, or BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October.
LocalDateTime uk_local_time(std::int64_t unix_seconds);
// "YYYY-MM-DDTHH:MM" (local); throws Error(invalid_input) naming `field`.
LocalDateTime parse_local_date_time(std::string_view text, std::string_view field);
std::string to_iso(const LocalDateTime& time);  // "2019-03-19T07:00"

// "HH:MM" <-> minutes since midnight; throws Error(invalid_input) naming `field` for anything else
// (24:00 is accepted as the end of a day).
int parse_clock_time(std::string_view text, std::string_view field);
std::string format_clock_time(int minutes);

}  // namespace recall
