#include "core/register/eligibility.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recall {

namespace {
// The part of an entry s.14 needs once a record is known to count.
struct ElectorState {
  bool on_register = false;
  bool ever_on_register = false;
  std::optional<Date> date_of_birth;
};

bool is_late(const RegisterEntry& entry, Date notice_date) {
  return entry.cause == ChangeCause::late_application ||
         (entry.cause == ChangeCause::application && entry.applied_on > notice_date);
}
}  // namespace

RecordStanding standing_of(const RegisterEntry& entry, Date notice_date, Date cut_off_day, Date close_day) {
  const Date when = entry.effective_on;
  if (when > close_day) return RecordStanding::not_yet_effective;
  if (when > cut_off_day && entry.cause != ChangeCause::court_order && entry.cause != ChangeCause::error_correction) {
    return RecordStanding::after_cut_off;
  }
  if (when > notice_date && when <= cut_off_day && is_late(entry, notice_date)) return RecordStanding::late_application;
  return RecordStanding::counts;
}

int age_on(Date born, Date day) {
  const std::chrono::year_month_day b{born};
  const std::chrono::year_month_day d{day};
  int years = static_cast<int>(d.year()) - static_cast<int>(b.year());
  const auto birthday_month = b.month();
  const auto birthday_day = b.day();
  const bool before_birthday =
      d.month() < birthday_month || (d.month() == birthday_month && d.day() < birthday_day);
  if (before_birthday) --years;
  return years;
}

EligibilityCount count_eligible(std::span<const RegisterEntry> entries, Date notice_date, Date cut_off_day,
                                Date close_day) {
  EligibilityCount out;
  std::vector<std::size_t> counted;
  counted.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    switch (standing_of(entries[i], notice_date, cut_off_day, close_day)) {
      case RecordStanding::not_yet_effective: ++out.not_yet_effective; break;
      case RecordStanding::after_cut_off: ++out.excluded_after_cut_off; break;
      case RecordStanding::late_application: ++out.excluded_late_application; break;
      case RecordStanding::counts: counted.push_back(i); break;
    }
  }
  std::stable_sort(counted.begin(), counted.end(), [&](std::size_t a, std::size_t b) {
    return entries[a].effective_on < entries[b].effective_on;
  });

  std::unordered_map<std::string_view, ElectorState> electors;
  electors.reserve(counted.size());
  for (std::size_t i : counted) {
    const RegisterEntry& entry = entries[i];
    ElectorState& state = electors[entry.elector_number];
    switch (entry.change) {
      case ChangeKind::addition:
        state.on_register = true;
        state.ever_on_register = true;
        state.date_of_birth = entry.date_of_birth;
        break;
      case ChangeKind::correction:
        if (state.on_register) state.date_of_birth = entry.date_of_birth;
        break;
      case ChangeKind::deletion:
        state.on_register = false;
        break;
    }
  }
  for (const auto& [number, state] : electors) {
    if (!state.on_register) {
      if (state.ever_on_register) ++out.deleted;
    } else if (state.date_of_birth && age_on(*state.date_of_birth, close_day) < 18) {
      ++out.excluded_under_18;
    } else {
      ++out.eligible;
    }
  }
  return out;
}

}  // namespace recall
