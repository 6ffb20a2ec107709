#include "service/postal_sheets.hpp"

#include "core/auth/clock.hpp"
#include "core/calendar/working_days.hpp"
#include "core/petition/local_time.hpp"

namespace recall {

long issue_standing_postal_sheets(const petition_ledger::LedgerWriter& ledger, const Actor& actor,
                                  const Petition& petition, const PetitionRegister& electors) {
  Store& store = ledger.store;
  long issued = 0;
  const std::string issued_at = format_utc_timestamp(ledger.now);
  const Date today = uk_local_time(ledger.now).date;
  const ElectorKey elector_key = store.ledgers().petition_key(petition.id);
  std::vector<LedgerLeaf> leaves;
  for (const PetitionElector* elector : electors.electors()) {
    const AbsentVote vote = elector->entry.absent_vote;
    if (!elector->entitled || (vote != AbsentVote::postal && vote != AbsentVote::postal_proxy)) continue;
    PostalIssue issue;
    issue.petition_id = petition.id;
    issue.elector_number = elector->entry.elector_number;
    issue.to_proxy = vote == AbsentVote::postal_proxy;
    issue.reason = "standing-postal-vote";
    issue.issued_at = issued_at;
    issue.issued_by = actor.user_id;
    store.petitions().add_postal_issue(issue);
    leaves.push_back(
        petition_ledger::postal_issue_leaf(elector_key, petition.id, issue.elector_number, issue.to_proxy, today));
    ++issued;
  }
  petition_ledger::append(ledger, petition.id, leaves);
  return issued;
}

LocalDateTime postal_application_deadline(const Petition& petition, HolidayRegion region) {
  return LocalDateTime{subtract_working_days(region, last_signing_day(petition), 11), 17 * 60};
}

}  // namespace recall
