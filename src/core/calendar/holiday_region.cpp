#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/bank_holidays.hpp"

namespace recall {

HolidayRegion parse_holiday_region(std::string_view text) {
  if (text == "england-and-wales") return HolidayRegion::england_and_wales;
  if (text == "scotland") return HolidayRegion::scotland;
  if (text == "northern-ireland") return HolidayRegion::northern_ireland;
  SourceLocation where;
  where.field = "region";
  throw_invalid(fmt::format("'{}' is not a bank-holiday region (expected england-and-wales, scotland or "
                            "northern-ireland)",
                            text),
                where);
}

std::string to_string(HolidayRegion region) {
  switch (region) {
    case HolidayRegion::england_and_wales: return "england-and-wales";
    case HolidayRegion::scotland: return "scotland";
    case HolidayRegion::northern_ireland: return "northern-ireland";
  }
  throw Error(ErrorKind::internal, "unknown holiday region");
}

}  // namespace recall
