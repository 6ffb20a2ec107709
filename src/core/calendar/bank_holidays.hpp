#pragma once
// UK bank holidays by rule, per part of the UK, with substitute days and the one-off changes
// (DOMAIN.md section 6). Supported years: 2010 to 2035; outside them, Error(invalid_input).
#include <optional>
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

  bool operator==(const BankHoliday&) const = default;
};

inline constexpr int first_supported_year = 2010;
inline constexpr int last_supported_year = 2035;

std::vector<BankHoliday> bank_holidays(HolidayRegion region, int year);  // sorted by date
bool is_bank_holiday(HolidayRegion region, Date date);
// The holiday on `date` in `region`, if there is one (throws outside the supported years).
std::optional<BankHoliday> find_bank_holiday(HolidayRegion region, Date date);

// Easter Sunday by the Gregorian computus; any year 1583 to 9999 (Error(invalid_input) otherwise).
Date easter_sunday(int year);

}  // namespace recall
