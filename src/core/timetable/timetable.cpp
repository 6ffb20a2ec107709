#include "core/timetable/timetable.hpp"

#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/working_days.hpp"
#include "core/timetable/day_counter.hpp"
#include "core/timetable/timetable_rules_check.hpp"

namespace recall {

namespace {

using timetable_detail::DayCounter;

SourceLocation field(std::string name) {
  SourceLocation where;
  where.field = std::move(name);
  return where;
}

// Calendar errors (a year without known bank holidays) gain the step and the input they came from.
template <typename Step>
auto calendar_step(std::string_view what, std::string_view input_field, Step&& step) {
  try {
    return step();
  } catch (const Error& e) {
    if (e.where()) throw;
    throw Error(e.kind(), fmt::format("cannot work out {}: {}", what, e.message()), field(std::string(input_field)));
  }
}

bool extension_in_force(const TimetableRules& rules, Date designated, const TimetableOverrides& overrides) {
  if (overrides.extend_for_bank_holidays) {
    if (*overrides.extend_for_bank_holidays && !rules.uses_working_days) {
      throw_invalid("a bank-holiday extension needs working-day rules (uses_working_days is false)",
                    field("extend_for_bank_holidays"));
    }
    return *overrides.extend_for_bank_holidays;
  }
  // Settings are checked to be in increasing order, so the last one already in force wins.
  bool extends = false;
  for (const auto& setting : rules.bank_holiday_extension) {
    if (setting.applies_from <= designated) extends = setting.extends;
  }
  return extends;
}

// Everything that follows from the designated day: cut-off, signing period, closures and count.
void fill_from_designated(Timetable& t, const TimetableRules& rules, HolidayRegion region, Date designated,
                          const TimetableOverrides& overrides, std::string_view input_field) {
  const DayCounter count(rules, region);
  t.designated_day = designated;
  if (rules.cut_off_working_days_before > 0) {
    t.cut_off_day = calendar_step("the cut-off day", input_field,
                                  [&] { return count.back(designated, rules.cut_off_working_days_before); });
  }
  t.unextended_end = designated + std::chrono::days{rules.signing_period_days - 1};
  t.signing_period_end = t.unextended_end;
  t.extended_for_bank_holidays = extension_in_force(rules, designated, overrides);
  if (rules.uses_working_days) {
    calendar_step("the signing period", input_field, [&] {
      // Signing places shut on weekdays that are not working days; with the extension in force each
      // one adds a working day at the end (add_working_days skips holidays among the added days).
      int shut = 0;
      for (Date day = designated; day <= t.unextended_end; day += std::chrono::days{1}) {
        if (!is_weekend(day) && !is_working_day(region, day)) ++shut;
      }
      if (t.extended_for_bank_holidays) t.signing_period_end = add_working_days(region, t.unextended_end, shut);
      for (Date day = designated; day <= t.signing_period_end; day += std::chrono::days{1}) {
        if (is_weekend(day)) continue;
        if (auto reason = non_working_reason(region, day)) t.closures.push_back({day, std::move(*reason)});
      }
      return 0;
    });
  }
  t.count_by = t.signing_period_end + std::chrono::days{rules.count_days_after_close};
}

void check_designated_override(const TimetableRules& rules, HolidayRegion region, Date notice, Date statutory,
                               Date chosen) {
  const DayCounter count(rules, region);
  if (chosen > statutory) {
    throw_invalid(fmt::format("the designated day {} is later than the statutory designated day {} (the {} after "
                              "the notice of {}); an officer may only choose an earlier one",
                              to_iso(chosen), to_iso(statutory), count.describe(rules.designated_working_day),
                              to_iso(notice)),
                  field("designated_day"));
  }
  const bool opens_on_notice_day = rules.designated_working_day == 0;
  if (chosen < notice || (chosen == notice && !opens_on_notice_day)) {
    throw_invalid(fmt::format("the designated day {} must come after the notice of {}", to_iso(chosen),
                              to_iso(notice)),
                  field("designated_day"));
  }
  if (opens_on_notice_day) return;  // chosen == statutory == notice: nothing can be earlier
  if (rules.uses_working_days && !is_working_day(region, chosen)) {
    throw_invalid(fmt::format("the designated day {} is not a working day ({})", to_iso(chosen),
                              non_working_reason(region, chosen).value_or("not a working day")),
                  field("designated_day"));
  }
  const int cut_off = rules.cut_off_working_days_before;
  const Date earliest = count.forward(notice, cut_off + 1);
  if (chosen < earliest) {
    throw_invalid(fmt::format("the designated day {} is too early: the cut-off day, the {} before it, would be {}, "
                              "which is not after the notice of {}; the earliest possible designated day is {}",
                              to_iso(chosen), count.describe(cut_off), to_iso(count.back(chosen, cut_off)),
                              to_iso(notice), to_iso(earliest)),
                  field("designated_day"));
  }
}

}  // namespace

Timetable compute_timetable(const TimetableRules& rules, HolidayRegion region, Date notice,
                            const TimetableOverrides& overrides) {
  timetable_detail::check_rules(rules);
  const DayCounter count(rules, region);
  Timetable t;
  t.notice = notice;
  if (rules.requirement_notice_working_days > 0) {
    t.requirement_notice_by = calendar_step("the requirement notice date", "notice", [&] {
      return count.forward(notice, rules.requirement_notice_working_days);
    });
  }
  const Date statutory = calendar_step("the designated day", "notice",
                                       [&] { return count.forward(notice, rules.designated_working_day); });
  Date designated = statutory;
  if (overrides.designated_day) {
    designated = *overrides.designated_day;
    calendar_step("the designated day", "designated_day", [&] {
      check_designated_override(rules, region, notice, statutory, designated);
      return 0;
    });
  }
  fill_from_designated(t, rules, region, designated, overrides, "notice");
  return t;
}

Timetable compute_timetable_from_designated(const TimetableRules& rules, HolidayRegion region, Date designated,
                                            const TimetableOverrides& overrides) {
  timetable_detail::check_rules(rules);
  if (overrides.designated_day && *overrides.designated_day != designated) {
    throw_invalid(fmt::format("an overriding designated day ({}) cannot be checked without the notice date; give the "
                              "notice, or use {} as the designated day",
                              to_iso(*overrides.designated_day), to_iso(*overrides.designated_day)),
                  field("designated_day"));
  }
  if (rules.uses_working_days) {
    calendar_step("the designated day", "designated_day", [&] {
      if (!is_working_day(region, designated)) {
        throw_invalid(fmt::format("the designated day {} is not a working day ({})", to_iso(designated),
                                  non_working_reason(region, designated).value_or("not a working day")),
                      field("designated_day"));
      }
      return 0;
    });
  }
  Timetable t;
  fill_from_designated(t, rules, region, designated, overrides, "designated_day");
  return t;
}

}  // namespace recall
