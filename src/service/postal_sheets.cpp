#include "service/postal_sheets.hpp"

#include "core/auth/clock.hpp"
#include "core/calendar/working_days.hpp"

namespace recall {

long issue_standing_postal_sheets(Store& store, const Actor& actor, const Petition& petition,
                                  const PetitionRegister& electors, std::int64_t now) {
  long issued = 0;
  const std::string issued_at = format_utc_timestamp(now);
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
    ++issued;
  }
  return issued;
}

LocalDateTime postal_application_deadline(const Petition& petition, HolidayRegion region) {
  return LocalDateTime{subtract_working_days(region, last_signing_day(petition), 11), 17 * 60};
}

}  // namespace recall
