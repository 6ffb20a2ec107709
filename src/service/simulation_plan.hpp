#pragma once
// Who signs a simulated petition, how and when: a pure plan the simulation then carries out through
// PetitionService. Deterministic for a seed (SplitMix64, no std distributions).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/petition/local_time.hpp"
#include "core/petition/petition_register.hpp"
#include "core/petition/signature.hpp"
#include "core/petition/signing_place.hpp"

namespace recall {

struct PlannedSheet {
  enum class Kind { in_person, proxy_in_person, postal_return } kind = Kind::in_person;
  LocalDateTime at;            // when the clerk or the postal team records it
  std::string elector_number;  // empty for a sheet void for uncertainty
  std::int64_t place_id = 0;   // in person: the elector's place
  std::string proxy_name;      // proxy in person
  std::string proxy_address;
  // Postal returns: the sheet as it arrives; `expected` is the rejection the rules must give (none: valid).
  bool official_mark = true;
  bool void_for_uncertainty = false;
  bool identifiers_match = true;
  Date received_on;
  std::optional<RejectionReason> expected;
  bool needs_postal_issue = false;  // a new applicant: issue a sheet before signing opens
};

struct PlanInputs {
  const PetitionRegister* electors = nullptr;
  const Allocation* allocation = nullptr;
  std::vector<Date> signing_days;    // days every place is open 09:00-17:00, in order
  Date day_after_close;              // when late postal sheets arrive
  bool late_sheets_possible = true;  // false when the petition ends early (no count follows)
  bool postal_signing = true;        // the petition's channels (from its policy)
  bool proxy_signing = true;
  long signatures = 0;
  long rejected = 0;
  std::uint64_t seed = 0;
};

// Exactly `signatures` valid sheets from distinct entitled electors (in person at their place, by post
// for postal voters, by proxy for proxy voters) and exactly `rejected` rejected sheets spread over the
// rejection reasons in turn; a reason that runs out of electors to use falls back to a void sheet.
// Sorted by time. Throws Error(invalid_input) naming "signatures" when there are not enough entitled
// electors.
std::vector<PlannedSheet> plan_sheets(const PlanInputs& inputs);

}  // namespace recall
