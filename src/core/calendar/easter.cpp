#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/bank_holidays.hpp"

namespace recall {

// The anonymous Gregorian computus (Meeus/Jones/Butcher): the Paschal full moon from the Metonic
// cycle with the century corrections for solar and lunar drift, then the following Sunday.
Date easter_sunday(int year) {
  if (year < 1583 || year > 9999) {
    throw_invalid(fmt::format("Easter is computed for Gregorian years 1583 to 9999, not {}", year));
  }
  const int golden = year % 19;
  const int century = year / 100;
  const int year_in_century = year % 100;
  const int leap_centuries = century / 4;
  const int century_rest = century % 4;
  const int lunar_correction = (century + 8) / 25;
  const int moon_shift = (century - lunar_correction + 1) / 3;
  const int epact = (19 * golden + century - leap_centuries - moon_shift + 15) % 30;
  const int leap_years = year_in_century / 4;
  const int year_rest = year_in_century % 4;
  const int to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7;
  const int late_correction = (golden + 11 * epact + 22 * to_sunday) / 451;
  const int days = epact + to_sunday - 7 * late_correction + 114;
  return make_date(year, static_cast<unsigned>(days / 31), static_cast<unsigned>(days % 31 + 1));
}

}  // namespace recall
