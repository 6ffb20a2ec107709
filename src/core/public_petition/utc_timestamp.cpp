#include "core/public_petition/utc_timestamp.hpp"

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"

namespace recall::public_petition {

namespace {

std::optional<int> two_digits(std::string_view text, std::size_t at, int most) {
  const char a = text[at];
  const char b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
  const int value = (a - '0') * 10 + (b - '0');
  if (value > most) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> try_parse_utc_timestamp(std::string_view text) {
  // 2019-03-21T09:30:00Z
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  const auto date = try_parse_iso_date(text.substr(0, 10));
  const auto hours = two_digits(text, 11, 23);
  const auto minutes = two_digits(text, 14, 59);
  const auto seconds = two_digits(text, 17, 59);
  if (!date || !hours || !minutes || !seconds) return std::nullopt;
  const std::int64_t day_start = std::chrono::sys_seconds{*date}.time_since_epoch().count();
  return day_start + std::int64_t{*hours} * 3600 + std::int64_t{*minutes} * 60 + *seconds;
}

std::int64_t parse_utc_timestamp(std::string_view text, std::string_view field) {
  if (const auto seconds = try_parse_utc_timestamp(text)) return *seconds;
  throw_invalid(fmt::format("\"{}\" is not a UTC time such as 2019-03-21T09:30:00Z", text),
                SourceLocation{"form", 0, 0, std::string(field)});
}

}  // namespace recall::public_petition
