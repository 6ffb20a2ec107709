#include "http/routes/format.hpp"

#include <array>
#include <cstdlib>

#include <fmt/format.h>

namespace recall::http {

std::string day_month_year(Date date) {
  static constexpr std::array<const char*, 12> months = {"January", "February", "March",     "April",
                                                         "May",     "June",     "July",      "August",
                                                         "September", "October", "November", "December"};
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), months.at(static_cast<unsigned>(ymd.month()) - 1),
                     static_cast<int>(ymd.year()));
}

std::string with_thousands(long value) {
  const std::string digits = std::to_string(std::labs(value));
  std::string out;
  const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (i - first_group) % 3 == 0 && i >= first_group) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string percent_of(long numerator, long denominator) {
  if (denominator == 0) return "–";
  // Rounded half up in tenths of a percent, in integers so the page and the tests agree exactly.
  const long long tenths = (static_cast<long long>(numerator) * 2000 + denominator) / (2LL * denominator);
  return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

}  // namespace recall::http
