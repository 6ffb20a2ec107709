#pragma once
// UK bank holidays by rule, per part of the UK, with substitute days and the one-off changes
// (DOMAIN.md section 6). Supported years: 2010 to 2035; outside them, Error(invalid_input).
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"

namespace recall {

enum class HolidayRegion { england_and_wales, scotland, northern_ireland };

HolidayRegion parse_holiday_region(std::string_view text);  // "england-and-wales" | "scotland" | "northern-ireland"
std::string to_string(HolidayRegion region);

struct BankHoliday {
  Date date;
  std::string name;  // "Easter Monday", "Christmas Day (substitute day)"
};

inline constexpr int first_supported_year = 2010;
inline constexpr int last_supported_year = 2035;

std::vector<BankHoliday> bank_holidays(HolidayRegion region, int year);  // sorted by date
bool is_bank_holiday(HolidayRegion region, Date date);

}  // namespace recall
