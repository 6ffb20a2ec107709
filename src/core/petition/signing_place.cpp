#include "core/petition/signing_place.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/base/error.hpp"

namespace recall {

namespace {
constexpr int minimum_opens = 9 * 60;
constexpr int minimum_closes = 17 * 60;
constexpr std::array<std::string_view, 7> weekday_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

[[noreturn]] void bad_hours(std::size_t index, std::string_view part, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message),
              SourceLocation{"", 0, 0, fmt::format("hours[{}].{}", index, part)});
}

int iso_weekday(Date date) {
  const unsigned encoding = std::chrono::weekday{date}.iso_encoding();
  return static_cast<int>(encoding);
}

std::string describe_span(int first, int last, const OpeningHours& hours) {
  const auto days = first == last ? std::string(weekday_names[static_cast<std::size_t>(first - 1)])
                                  : fmt::format("{}-{}", weekday_names[static_cast<std::size_t>(first - 1)],
                                                weekday_names[static_cast<std::size_t>(last - 1)]);
  return fmt::format("{} {}-{}", days, format_clock_time(hours.opens), format_clock_time(hours.closes));
}
}  // namespace

std::vector<OpeningHours> minimum_opening_hours() {
  std::vector<OpeningHours> hours;
  for (int day = 1; day <= 5; ++day) hours.push_back(OpeningHours{day, minimum_opens, minimum_closes});
  return hours;
}

void check_opening_hours(const std::vector<OpeningHours>& hours) {
  std::set<int> seen;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const OpeningHours& day = hours[i];
    if (day.weekday < 1 || day.weekday > 7) bad_hours(i, "weekday", "weekdays run from 1 (Monday) to 7 (Sunday)");
    if (!seen.insert(day.weekday).second) {
      bad_hours(i, "weekday", fmt::format("{} is given twice", weekday_names[static_cast<std::size_t>(day.weekday - 1)]));
    }
    if (day.opens < 0 || day.opens >= 24 * 60) bad_hours(i, "opens", "opening time must be within the day");
    if (day.closes <= day.opens || day.closes > 24 * 60) bad_hours(i, "closes", "closing time must be after opening time");
    if (day.weekday <= 5 && (day.opens > minimum_opens || day.closes < minimum_closes)) {
      bad_hours(i, day.opens > minimum_opens ? "opens" : "closes",
                "signing places must be open at least 09:00-17:00 on working days");
    }
  }
  for (int day = 1; day <= 5; ++day) {
    if (!seen.contains(day)) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("signing places must open on working days; {} is missing",
                              weekday_names[static_cast<std::size_t>(day - 1)]),
                  SourceLocation{"", 0, 0, "hours"});
    }
  }
}

std::string describe_opening_hours(const std::vector<OpeningHours>& hours) {
  std::array<const OpeningHours*, 8> by_day{};
  for (const OpeningHours& day : hours) {
    if (day.weekday >= 1 && day.weekday <= 7) by_day[static_cast<std::size_t>(day.weekday)] = &day;
  }
  std::vector<std::string> parts;
  int day = 1;
  while (day <= 7) {
    const OpeningHours* first = by_day[static_cast<std::size_t>(day)];
    if (!first) {
      ++day;
      continue;
    }
    int last = day;
    while (last < 7) {
      const OpeningHours* next = by_day[static_cast<std::size_t>(last + 1)];
      if (!next || next->opens != first->opens || next->closes != first->closes) break;
      ++last;
    }
    parts.push_back(describe_span(day, last, *first));
    day = last + 1;
  }
  return parts.empty() ? "Closed" : fmt::format("{}", fmt::join(parts, "; "));
}

bool is_open(const SigningPlace& place, const Timetable& timetable, Date last_day, const LocalDateTime& now) {
  if (now.date < timetable.designated_day || now.date > last_day) return false;
  const bool closure = std::any_of(timetable.closures.begin(), timetable.closures.end(),
                                   [&](const BankHoliday& holiday) { return holiday.date == now.date; });
  if (closure) return false;
  const int weekday = iso_weekday(now.date);
  return std::any_of(place.hours.begin(), place.hours.end(), [&](const OpeningHours& hours) {
    return hours.weekday == weekday && hours.opens <= now.minutes && now.minutes < hours.closes;
  });
}

Allocation allocate_districts(const std::vector<std::string>& districts, const std::vector<std::int64_t>& place_ids) {
  Allocation allocation;
  if (place_ids.empty()) return allocation;
  std::vector<std::string> sorted = districts;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::int64_t> places = place_ids;
  std::sort(places.begin(), places.end());
  // Neighbouring districts share letters, so contiguous runs keep an area at one place.
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    allocation[sorted[i]] = places[i * places.size() / sorted.size()];
  }
  return allocation;
}

}  // namespace recall
