#include "core/petition/petition_register.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

#include "core/register/eligibility.hpp"

namespace recall {

namespace {
std::string folded(std::string_view text, bool drop_spaces) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (drop_spaces && c == ' ') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

long number_part(std::string_view elector_number) {
  const auto dash = elector_number.find('-');
  long value = 0;
  if (dash == std::string_view::npos) return value;
  const auto digits = elector_number.substr(dash + 1);
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}
}  // namespace

bool elector_number_less(std::string_view a, std::string_view b) {
  const auto district_a = polling_district_of(a);
  const auto district_b = polling_district_of(b);
  if (district_a != district_b) return district_a < district_b;
  const long number_a = number_part(a);
  const long number_b = number_part(b);
  if (number_a != number_b) return number_a < number_b;
  return a < b;
}

PetitionRegister::PetitionRegister(std::span<const RegisterEntry> records, Date notice, Date cut_off_day,
                                   Date close_day) {
  // The same records count here as in the s.14 count (eligibility.hpp), applied in the same order,
  // so that everyone who may sign is exactly someone the count can find.
  std::vector<const RegisterEntry*> counted;
  counted.reserve(records.size());
  for (const RegisterEntry& record : records) {
    if (standing_of(record, notice, cut_off_day, close_day) == RecordStanding::counts) counted.push_back(&record);
  }
  std::stable_sort(counted.begin(), counted.end(),
                   [](const RegisterEntry* a, const RegisterEntry* b) { return a->effective_on < b->effective_on; });
  for (const RegisterEntry* record : counted) {
    auto found = electors_.find(record->elector_number);
    switch (record->change) {
      case ChangeKind::addition:
        if (found == electors_.end()) {
          electors_.emplace(record->elector_number, PetitionElector{*record, true, {}});
        } else {
          found->second.entry = *record;
        }
        break;
      case ChangeKind::correction:
        if (found != electors_.end()) found->second.entry = *record;
        break;
      case ChangeKind::deletion:
        if (found != electors_.end()) electors_.erase(found);
        break;
    }
  }
  for (auto& [number, elector] : electors_) {
    elector.entitled = true;
    elector.reason.clear();
    if (elector.entry.date_of_birth && age_on(*elector.entry.date_of_birth, close_day) < 18) {
      elector.entitled = false;
      elector.reason = "under 18 on " + to_long_form(close_day);
    }
  }
}

const PetitionElector* PetitionRegister::find(std::string_view elector_number) const {
  const auto found = electors_.find(elector_number);
  return found == electors_.end() ? nullptr : &found->second;
}

std::vector<const PetitionElector*> PetitionRegister::search(std::string_view surname, std::string_view postcode) const {
  std::vector<const PetitionElector*> out;
  const std::string wanted_surname = folded(surname, false);
  const std::string wanted_postcode = folded(postcode, true);
  if (wanted_surname.empty()) return out;
  for (const auto& [number, elector] : electors_) {
    if (elector.entry.markers.anonymous) continue;
    if (folded(elector.entry.surname, false) != wanted_surname) continue;
    if (!wanted_postcode.empty() && folded(elector.entry.postcode, true) != wanted_postcode) continue;
    out.push_back(&elector);
  }
  std::sort(out.begin(), out.end(), [](const PetitionElector* a, const PetitionElector* b) {
    return elector_number_less(a->entry.elector_number, b->entry.elector_number);
  });
  return out;
}

std::vector<std::string> PetitionRegister::polling_districts() const {
  std::vector<std::string> out;
  for (const auto& [number, elector] : electors_) {
    const auto district = polling_district_of(number);
    if (out.empty() || out.back() != district) out.emplace_back(district);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<const PetitionElector*> PetitionRegister::electors() const {
  std::vector<const PetitionElector*> out;
  out.reserve(electors_.size());
  for (const auto& [number, elector] : electors_) out.push_back(&elector);
  std::sort(out.begin(), out.end(), [](const PetitionElector* a, const PetitionElector* b) {
    return elector_number_less(a->entry.elector_number, b->entry.elector_number);
  });
  return out;
}

}  // namespace recall
