#pragma once
// The petition register: who may sign (s.10) and under which details, built once from the imported
// register records for a petition's dates. Look-ups are by elector number or by name and address, as
// a clerk at a signing place does them.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/register/register_entry.hpp"

namespace recall {

struct PetitionElector {
  RegisterEntry entry;   // the details in force for the petition (the last record that counts)
  bool entitled = true;  // false: on the register but may not sign (under 18 at the close)
  std::string reason;    // why not entitled, for the clerk: "under 18 on 1 May 2019"
};

class PetitionRegister {
 public:
  // Applies s.10 and s.14(3)-(5) to the records with the same rules as count_eligible: records that
  // do not count (late applications, alterations after the cut-off unless a court order or correction,
  // anything after the close) are ignored; deleted electors are absent.
  PetitionRegister(std::span<const RegisterEntry> records, Date notice, Date cut_off_day, Date close_day);

  [[nodiscard]] const PetitionElector* find(std::string_view elector_number) const;
  // Case-insensitive; surname required, postcode optional (compared without spaces). Anonymous electors
  // are never found by name.
  [[nodiscard]] std::vector<const PetitionElector*> search(std::string_view surname, std::string_view postcode) const;
  [[nodiscard]] std::vector<std::string> polling_districts() const;  // sorted, unique
  // Every elector, in elector-number order (district letters, then number).
  [[nodiscard]] std::vector<const PetitionElector*> electors() const;
  [[nodiscard]] std::size_t size() const { return electors_.size(); }

 private:
  std::map<std::string, PetitionElector, std::less<>> electors_;
};

// Orders "SA-2" before "SA-10" and "SA-9" before "SB-1".
bool elector_number_less(std::string_view a, std::string_view b);

}  // namespace recall
