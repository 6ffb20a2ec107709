#include "core/calendar/date.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {
constexpr std::array<const char*, 7> weekday_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> month_names = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};

// Digits only: from_chars alone would accept a leading minus ("-001-01-01").
bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}
}  // namespace

Date make_date(int year, unsigned month, unsigned day) {
  // std::chrono stores month and day in a byte and year in a short, so range-check before they wrap.
  if (year < -32767 || year > 32767 || month < 1 || month > 12 || day < 1 || day > 31) {
    throw_invalid(fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day));
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) throw_invalid(fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day));
  return Date{ymd};
}

std::optional<Date> try_parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
      !parse_digits(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

Date parse_iso_date(std::string_view text, std::string_view field) {
  if (auto date = try_parse_iso_date(text)) return *date;
  SourceLocation where;
  where.field = std::string(field);
  throw_invalid(fmt::format("'{}' is not a date in the form YYYY-MM-DD", text),
                field.empty() ? std::nullopt : std::optional<SourceLocation>(where));
}

std::string to_iso(Date date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string to_long_form(Date date) {
  const std::chrono::year_month_day ymd{date};
  const std::chrono::weekday wd{date};
  return fmt::format("{} {} {} {}", weekday_names.at(wd.c_encoding()), static_cast<unsigned>(ymd.day()),
                     month_names.at(static_cast<unsigned>(ymd.month()) - 1), static_cast<int>(ymd.year()));
}

std::string to_short_form(Date date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{} {:.3} {}", static_cast<unsigned>(ymd.day()),
                     month_names.at(static_cast<unsigned>(ymd.month()) - 1), static_cast<int>(ymd.year()));
}

int year_of(Date date) { return static_cast<int>(std::chrono::year_month_day{date}.year()); }

bool is_weekend(Date date) {
  const std::chrono::weekday wd{date};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

Date today_utc() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

}  // namespace recall
