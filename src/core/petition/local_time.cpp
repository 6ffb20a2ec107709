#include "core/petition/local_time.hpp"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {
using namespace std::chrono;

// 01:00 UTC on the last Sunday of `month`, as Unix seconds.
std::int64_t last_sunday_0100_utc(int year, unsigned month) {
  const sys_days last = year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}};
  const weekday wd{last};
  const sys_days sunday = last - days{(wd.c_encoding() + 7 - Sunday.c_encoding()) % 7};
  return static_cast<std::int64_t>(sunday.time_since_epoch().count()) * 86400 + 3600;
}

bool read_number(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

[[noreturn]] void bad_time(std::string_view text, std::string_view field, std::string_view expected) {
  throw Error(ErrorKind::invalid_input, fmt::format("'{}' is not {}", text, expected),
              SourceLocation{"", 0, 0, std::string(field)});
}
}  // namespace

LocalDateTime uk_local_time(std::int64_t unix_seconds) {
  const auto day_number = unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
  const Date utc_day{days{day_number}};
  const int year = year_of(utc_day);
  const bool summer =
      unix_seconds >= last_sunday_0100_utc(year, 3) && unix_seconds < last_sunday_0100_utc(year, 10);
  const std::int64_t local = unix_seconds + (summer ? 3600 : 0);
  const auto local_day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return LocalDateTime{Date{days{local_day}}, static_cast<int>((local - local_day * 86400) / 60)};
}

int parse_clock_time(std::string_view text, std::string_view field) {
  int hours = 0;
  int minutes = 0;
  if (text.size() != 5 || text[2] != ':' || !read_number(text.substr(0, 2), hours) ||
      !read_number(text.substr(3, 2), minutes) || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
    bad_time(text, field, "a time of day as HH:MM (00:00 to 24:00)");
  }
  return hours * 60 + minutes;
}

std::string format_clock_time(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

LocalDateTime parse_local_date_time(std::string_view text, std::string_view field) {
  const auto date = text.size() == 16 && text[10] == 'T' ? try_parse_iso_date(text.substr(0, 10)) : std::nullopt;
  if (!date) bad_time(text, field, "a local date and time as YYYY-MM-DDTHH:MM");
  const int minutes = parse_clock_time(text.substr(11), field);
  if (minutes == 24 * 60) bad_time(text, field, "a local date and time as YYYY-MM-DDTHH:MM");
  return LocalDateTime{*date, minutes};
}

std::string to_iso(const LocalDateTime& time) { return to_iso(time.date) + "T" + format_clock_time(time.minutes); }

}  // namespace recall
