#include "core/timetable/timetable_rules_check.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::timetable_detail {

namespace {

[[noreturn]] void reject(std::string field, std::string message) {
  SourceLocation where;
  where.field = std::move(field);
  throw_invalid(std::move(message), where);
}

void require_at_least(int value, int minimum, const char* field) {
  if (value < minimum) reject(field, fmt::format("{} must be at least {} (got {})", field, minimum, value));
}

}  // namespace

void check_rules(const TimetableRules& rules) {
  require_at_least(rules.requirement_notice_working_days, 0, "requirement_notice_working_days");
  // Calendar-day policies may open signing on the day of the notice; under the Act the notice day never counts.
  require_at_least(rules.designated_working_day, rules.uses_working_days ? 1 : 0, "designated_working_day");
  require_at_least(rules.cut_off_working_days_before, 0, "cut_off_working_days_before");
  require_at_least(rules.signing_period_days, 1, "signing_period_days");
  require_at_least(rules.count_days_after_close, 0, "count_days_after_close");
  // With the cut-off this far back, the statutory designated day itself would leave no cut-off day
  // after the notice.
  if (rules.cut_off_working_days_before > 0 && rules.cut_off_working_days_before >= rules.designated_working_day) {
    reject("cut_off_working_days_before",
           fmt::format("cut_off_working_days_before ({}) must be less than designated_working_day ({}), or the "
                       "cut-off day would not fall after the notice",
                       rules.cut_off_working_days_before, rules.designated_working_day));
  }
  const auto& extension = rules.bank_holiday_extension;
  for (std::size_t i = 0; i < extension.size(); ++i) {
    if (i > 0 && extension[i].applies_from <= extension[i - 1].applies_from) {
      reject(fmt::format("bank_holiday_extension[{}].applies_from", i),
             fmt::format("bank-holiday extension settings must be in increasing order of applies_from: {} does not "
                         "come after {}",
                         to_iso(extension[i].applies_from), to_iso(extension[i - 1].applies_from)));
    }
    if (extension[i].extends && !rules.uses_working_days) {
      reject(fmt::format("bank_holiday_extension[{}].extends", i),
             "a bank-holiday extension needs working-day rules (uses_working_days is false)");
    }
  }
}

}  // namespace recall::timetable_detail
