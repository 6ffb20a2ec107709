#include "core/rules/rules_text.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::rules_text {

std::string plain_date(Date date) {
  static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), months.at(static_cast<unsigned>(ymd.month()) - 1),
                     static_cast<int>(ymd.year()));
}

std::string party_name(const std::map<std::string, std::string>& names, const std::string& code) {
  if (auto it = names.find(code); it != names.end() && !it->second.empty()) return it->second;
  return code;
}

std::string condition_noun(ConditionKind kind) {
  switch (kind) {
    case ConditionKind::custodial_sentence: return "a custodial sentence";
    case ConditionKind::suspension: return "a suspension from the House";
    case ConditionKind::allowance_conviction: return "a conviction for false or misleading allowance claims";
    case ConditionKind::party_change: return "changing party";
    case ConditionKind::voter_application: return "an application by a registered voter";
  }
  return "an event";
}

std::string capitalised(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() = static_cast<char>(text.front() - 32);
  return text;
}

Date add_span(Date from, const Span& span) {
  using namespace std::chrono;
  switch (span.unit) {
    case SpanUnit::days: return from + days{span.count};
    case SpanUnit::weeks: return from + days{7 * span.count};
    case SpanUnit::months:
    case SpanUnit::years: {
      const year_month_day ymd{from};
      year_month ym = ymd.year() / ymd.month();
      ym += span.unit == SpanUnit::months ? months{span.count} : months{12 * span.count};
      const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
      return sys_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
    }
    case SpanUnit::sitting_days: break;
  }
  throw_invalid("a period in sitting days cannot be added to a calendar date");
}

}  // namespace recall::rules_text
