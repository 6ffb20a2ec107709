// Postal signing (s.11): sheets issued to new applicants, and the postal team's record of each sheet
// that comes back, checked in the order the rules give. Each is a leaf of the petition's ledger.
#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "service/petition_ledger.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"
#include "service/postal_sheets.hpp"

namespace recall {

using namespace petition_steps;

namespace {

void check_elector_number(const std::string& elector_number) {
  if (!is_valid_elector_number(elector_number)) {
    invalid("elector_number", fmt::format("\"{}\" is not an elector number like SA-123", elector_number));
  }
}

// The first rule a returned sheet fails, if any. `issue` is the sheet sent to the elector, if one was.
std::optional<RejectionReason> rejection_of(const PostalReturnRequest& request, Date last_day,
                                            const PetitionElector* elector,
                                            const std::optional<PostalIssue>& issue) {
  if (request.received_on > last_day) return RejectionReason::received_late;
  if (!request.official_mark) return RejectionReason::want_of_official_mark;
  if (request.void_for_uncertainty) return RejectionReason::unmarked_or_void_for_uncertainty;
  if (elector == nullptr || !elector->entitled || !issue) return RejectionReason::not_entitled;
  if (!request.date_of_birth_matched || !request.signature_matched)
    return RejectionReason::identifiers_failed;
  return std::nullopt;
}

}  // namespace

void PetitionService::issue_postal_sheet(const Actor& actor, std::int64_t petition_id,
                                         const std::string& elector_number) {
  require(actor, Permission::issue_postal_votes);
  check_elector_number(elector_number);
  const std::int64_t at = clock_();
  const LocalDateTime now = uk_local_time(at);
  store_.transaction([&] {
    store_.ledgers().lock_for_append(petition_id);
    const Petition petition = load_petition(store_, petition_id);
    if (!petition.postal_signing) conflict(fmt::format("{} has no postal signing", petition.policy_id));
    require_phase(phase_of(petition, now), {PetitionPhase::awaiting_signing, PetitionPhase::signing},
                  "issue a postal signing sheet");
    const LocalDateTime deadline = postal_application_deadline(petition, region_of(parliament_, petition));
    if (now > deadline) {
      conflict(fmt::format("postal applications closed at {} on {}", format_clock_time(deadline.minutes),
                           to_iso(deadline.date)));
    }
    const PetitionElector* elector = register_for(petition)->find(elector_number);
    if (elector == nullptr)
      invalid("elector_number", fmt::format("{} is not on the petition register", elector_number));
    if (!elector->entitled)
      invalid("elector_number", fmt::format("{} may not sign: {}", elector_number, elector->reason));
    PostalIssue issue;
    issue.petition_id = petition.id;
    issue.elector_number = elector_number;
    issue.to_proxy = elector->entry.absent_vote == AbsentVote::postal_proxy;
    issue.reason = "application";
    issue.issued_at = format_utc_timestamp(at);
    issue.issued_by = actor.user_id;
    store_.petitions().add_postal_issue(issue);  // Error(conflict) if one was issued already
    const LedgerLeaf leaf = petition_ledger::postal_issue_leaf(store_.ledgers().petition_key(petition.id), petition.id,
                                                               elector_number, issue.to_proxy, now.date);
    petition_ledger::append({store_, ledger_key_, at}, petition.id, std::span(&leaf, 1));
    audit(store_, actor, at, "petition.postal.issue", target_of(petition.id),
          {{"elector_number", elector_number}, {"to_proxy", issue.to_proxy}, {"reason", issue.reason}});
  });
}

std::vector<PostalIssue> PetitionService::postal_issues(const Actor& actor, std::int64_t petition_id) {
  if (!may(actor.role, actor.duty, Permission::record_postal_signature))
    require(actor, Permission::issue_postal_votes);
  load_petition(store_, petition_id);
  return store_.petitions().list_postal_issues(petition_id);
}

PostalReturnResult PetitionService::record_postal_return(const Actor& actor,
                                                         const PostalReturnRequest& request) {
  require(actor, Permission::record_postal_signature);
  if (request.elector_number.empty()) {
    if (!request.void_for_uncertainty) invalid("elector_number", "give the elector number on the sheet");
  } else {
    check_elector_number(request.elector_number);
  }
  const std::int64_t at = clock_();
  const LocalDateTime now = uk_local_time(at);
  if (request.received_on > now.date) invalid("received_on", "a sheet cannot be received in the future");
  PostalReturnResult result;
  store_.transaction([&] {
    // First, before the petition is read: the count takes this lock too, so no sheet can slip into
    // the log after the count froze it.
    store_.ledgers().lock_for_append(request.petition_id);
    const Petition petition = load_petition(store_, request.petition_id);
    require_phase(phase_of(petition, now), {PetitionPhase::signing, PetitionPhase::closed},
                  "record a postal sheet");
    if (request.received_on < petition.timetable.designated_day) {
      invalid("received_on", fmt::format("signing began on {}", to_iso(petition.timetable.designated_day)));
    }
    const PetitionElector* elector =
        request.elector_number.empty() ? nullptr : register_for(petition)->find(request.elector_number);
    const auto issue = request.elector_number.empty()
                           ? std::nullopt
                           : store_.petitions().find_postal_issue(petition.id, request.elector_number);
    result.rejection = rejection_of(request, last_signing_day(petition), elector, issue);
    result.accepted = !result.rejection;

    SignatureSheet sheet;
    sheet.petition_id = petition.id;
    // Nobody can be named on a sheet void for uncertainty.
    if (result.rejection != RejectionReason::unmarked_or_void_for_uncertainty)
      sheet.elector_number = request.elector_number;
    sheet.channel = issue && issue->to_proxy ? SigningChannel::proxy_postal : SigningChannel::postal;
    sheet.rejection = result.rejection;
    sheet.official_mark = request.official_mark;
    sheet.date_of_birth_matched = request.date_of_birth_matched;
    sheet.signature_matched = request.signature_matched;
    sheet.recorded_by = actor.user_id;
    sheet.recorded_at = format_utc_timestamp(at);
    sheet.received_on = to_iso(request.received_on);
    petition_ledger::RecordedSheet recorded =
        petition_ledger::record_sheet({store_, ledger_key_, at}, sheet, request.received_on);
    if (!recorded.recorded) {
      // A sheet is already recorded for this elector: the database refused a second (s.12).
      result.accepted = false;
      result.double_signing = true;
    }
    result.receipt = std::move(recorded.receipt);
    audit(store_, actor, at, std::string(sheet_action_prefix) + "postal", target_of(petition.id),
          {{"elector_number", sheet.elector_number},
           {"channel", to_string(sheet.channel)},
           {"received_on", sheet.received_on},
           {"accepted", result.accepted},
           {"rejection",
            result.rejection ? nlohmann::json(to_string(*result.rejection)) : nlohmann::json(nullptr)},
           {"double_signing", result.double_signing}});
  });
  return result;
}

}  // namespace recall
