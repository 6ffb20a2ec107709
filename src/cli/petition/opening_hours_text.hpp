#pragma once
// Opening hours as the officer types them on the command line:
//   "Mon-Fri 09:00-17:00,Tue 07:00-17:00,Thu 09:00-22:00"
// Items are separated by commas; each is a weekday or a range of weekdays (Mon Tue Wed Thu Fri Sat Sun)
// and a time range. A later item replaces the hours an earlier one gave the same day.
#include <string_view>
#include <vector>

#include "core/petition/signing_place.hpp"

namespace recall::cli {

// Error(invalid_input) on field "hours" for anything else; the result is not yet checked against the
// statutory minimum (check_opening_hours does that).
std::vector<OpeningHours> parse_opening_hours(std::string_view text);

}  // namespace recall::cli
