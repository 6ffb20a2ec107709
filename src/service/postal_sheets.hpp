#pragma once
// Postal signing sheets (s.11): sent at opening to everyone with a standing postal or postal-proxy
// vote, and to new applicants until the application deadline. Internal to src/service.
#include <cstdint>

#include "core/calendar/bank_holidays.hpp"
#include "core/petition/local_time.hpp"
#include "core/petition/petition.hpp"
#include "core/petition/petition_register.hpp"
#include "service/actor.hpp"
#include "service/petition_ledger.hpp"
#include "store/store.hpp"

namespace recall {

// One sheet for each entitled elector on the petition register whose absent vote is postal (P) or
// postal proxy (Z, sent to the proxy), each a postal_sheet_issued leaf of the petition's ledger, in one
// append. Returns how many were issued. Call inside the opening transaction; `ledger.now` is the time.
long issue_standing_postal_sheets(const petition_ledger::LedgerWriter& ledger, const Actor& actor,
                                  const Petition& petition, const PetitionRegister& electors);

// New postal applications close at 17:00 on the 11th working day before the last signing day.
LocalDateTime postal_application_deadline(const Petition& petition, HolidayRegion region);

}  // namespace recall
