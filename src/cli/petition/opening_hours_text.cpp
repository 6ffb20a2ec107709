#include "cli/petition/opening_hours_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>

#include "core/base/error.hpp"
#include "core/petition/local_time.hpp"

namespace recall::cli {

namespace {

constexpr std::array<std::string_view, 7> weekday_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

[[noreturn]] void bad_hours(std::string_view item, std::string_view why) {
  throw Error(ErrorKind::invalid_input,
              fmt::format("\"{}\": {} (e.g. \"Mon-Fri 09:00-17:00,Thu 09:00-22:00\")", item, why),
              SourceLocation{"", 0, 0, "hours"});
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

int weekday_of(std::string_view item, std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) -> char {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  const auto found = std::find(weekday_names.begin(), weekday_names.end(), lower);
  if (found == weekday_names.end()) bad_hours(item, fmt::format("\"{}\" is not a weekday", name));
  return static_cast<int>(found - weekday_names.begin()) + 1;
}

}  // namespace

std::vector<OpeningHours> parse_opening_hours(std::string_view text) {
  std::map<int, OpeningHours> by_day;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = trim(text.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) bad_hours(text, "an empty item");
    const std::size_t space = item.find(' ');
    if (space == std::string_view::npos) bad_hours(item, "expected days and times");
    const std::string_view day_part = item.substr(0, space);
    const std::string_view time_part = trim(item.substr(space + 1));
    const std::size_t day_dash = day_part.find('-');
    const int first = weekday_of(item, day_part.substr(0, day_dash));
    const int last =
        day_dash == std::string_view::npos ? first : weekday_of(item, day_part.substr(day_dash + 1));
    if (last < first) bad_hours(item, "a range of days runs from Monday towards Sunday");
    const std::size_t time_dash = time_part.find('-');
    if (time_dash == std::string_view::npos) bad_hours(item, "expected HH:MM-HH:MM");
    const int opens = parse_clock_time(time_part.substr(0, time_dash), "hours");
    const int closes = parse_clock_time(time_part.substr(time_dash + 1), "hours");
    for (int day = first; day <= last; ++day) by_day[day] = OpeningHours{day, opens, closes};
  }
  std::vector<OpeningHours> hours;
  for (const auto& [day, entry] : by_day) hours.push_back(entry);
  return hours;
}

}  // namespace recall::cli
