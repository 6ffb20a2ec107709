// The end of a petition: early termination (s.13), the sealed count, notifying the Speaker, and the
// public notice that vacates the seat when the petition succeeds (s.14, s.15). The count freezes the
// petition's ledger with a final checkpoint.
#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "service/petition_ledger.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

namespace {

bool policy_ends_on(const EarlyTermination& rules, TerminationReason reason) {
  switch (reason) {
    case TerminationReason::dissolution:
      return rules.on_dissolution;
    case TerminationReason::seat_vacated:
      return rules.on_seat_vacated;
    case TerminationReason::overturned_on_appeal:
      return rules.on_overturned_on_appeal;
  }
  return false;
}

nlohmann::json result_detail(const Declaration& result) {
  nlohmann::json by_reason = nlohmann::json::object();
  for (const auto& [reason, count] : result.rejected_by_reason)
    by_reason[std::string(to_string(reason))] = count;
  return {{"eligible", result.eligible},
          {"valid_signatures", result.valid_signatures},
          {"percent", format_percent_tenths(result.percent_tenths)},
          {"rejected", result.rejected},
          {"rejected_by_reason", by_reason},
          {"successful", result.successful}};
}

}  // namespace

void PetitionService::terminate(const Actor& actor, std::int64_t petition_id,
                                const Termination& termination) {
  require(actor, Permission::manage_petition);
  if (termination.detail.empty()) invalid("detail", "say what ended the petition, for the notice");
  const std::int64_t at = clock_();
  const LocalDateTime now = uk_local_time(at);
  store_.transaction([&] {
    store_.ledgers().lock_for_append(petition_id);
    const Petition petition = load_petition(store_, petition_id);
    require_phase(phase_of(petition, now), {PetitionPhase::awaiting_signing, PetitionPhase::signing},
                  "end the petition early");
    if (!policy_ends_on(policy_of(policies_, petition).early_termination, termination.reason)) {
      invalid("reason", fmt::format("{} does not end a petition on {}", petition.policy_id,
                                    to_string(termination.reason)));
    }
    if (termination.on < petition.notice || termination.on > now.date) {
      invalid("on", fmt::format("the day signing stopped must be between the notice ({}) and today",
                                to_iso(petition.notice)));
    }
    store_.petitions().set_termination(petition.id, termination);
    const LedgerLeaf leaf = petition_ledger::termination_leaf(petition.id, termination.on);
    petition_ledger::append({store_, ledger_key_, at}, petition.id, std::span(&leaf, 1));
    audit(store_, actor, at, "petition.terminate", target_of(petition.id),
          {{"on", to_iso(termination.on)},
           {"reason", to_string(termination.reason)},
           {"detail", termination.detail}});
  });
  forget_register(petition_id);  // the register is taken at the new last day
}

Declaration PetitionService::run_count(const Actor& actor, std::int64_t petition_id) {
  require(actor, Permission::run_count);
  const std::int64_t at = clock_();
  Declaration result;
  store_.transaction([&] {
    // Taken before the petition is read: a postal sheet being recorded now is either in the log
    // before the count freezes it, or refused after (the phase is `counted` from here on).
    store_.ledgers().lock_for_append(petition_id);
    const Petition petition = load_petition(store_, petition_id);
    if (petition.termination) conflict("a petition ended early under s.13 is not counted");
    require_phase(phase_of(petition, uk_local_time(at)), {PetitionPhase::closed}, "count the petition");
    const auto records = store_.registers().load_register(petition.register_id);
    const auto sheets = store_.petitions().list_signatures(petition.id);
    result =
        count_petition(records, petition.notice, petition.timetable.cut_off_day.value_or(petition.notice),
                       last_signing_day(petition), sheets);
    // The policy's threshold decides, not the 10% built into the count: a policy may compare differently.
    const Policy& policy = policy_of(policies_, petition);
    result.successful = threshold_met(policy, result.valid_signatures, result.eligible);
    result.required = required_signatures(policy.threshold, result.eligible);
    store_.petitions().set_count(petition.id, result, format_utc_timestamp(at));
    // The count froze the log: no step appends after it, so this is the final checkpoint.
    petition_ledger::final_checkpoint({store_, ledger_key_, at}, petition.id);
    // No figures here: the audit log is read before the declaration too.
    audit(store_, actor, at, "petition.count", target_of(petition.id), nlohmann::json::object());
  });
  return result;
}

void PetitionService::record_speaker_notified(const Actor& actor, std::int64_t petition_id) {
  require(actor, Permission::run_count);
  const std::int64_t at = clock_();
  store_.transaction([&] {
    const Petition petition = load_petition(store_, petition_id);
    require_phase(phase_of(petition, uk_local_time(at)), {PetitionPhase::counted},
                  "record that the Speaker was notified");
    store_.petitions().set_speaker_notified(petition.id, format_utc_timestamp(at));
    audit(store_, actor, at, "petition.notify-speaker", target_of(petition.id), nlohmann::json::object());
  });
}

Declaration PetitionService::declare(const Actor& actor, std::int64_t petition_id) {
  require(actor, Permission::run_count);
  const std::int64_t at = clock_();
  Declaration result;
  store_.transaction([&] {
    const Petition petition = load_petition(store_, petition_id);
    require_phase(phase_of(petition, uk_local_time(at)), {PetitionPhase::speaker_notified},
                  "give public notice of the result");
    result = *petition.count;
    // Made at the count; made now if the deployment's key was added since, so the export can be signed.
    store_.ledgers().lock_for_append(petition.id);
    petition_ledger::final_checkpoint({store_, ledger_key_, at}, petition.id);
    const std::string declared_at = format_utc_timestamp(at);
    store_.petitions().set_declared(petition.id, declared_at);
    nlohmann::json detail = result_detail(result);
    if (result.successful && policy_of(policies_, petition).on_success == "by-election") {
      // s.15: the seat is vacated when the notice is given; a by-election follows.
      ByElection by_election;
      by_election.ons_code = petition.ons_code;
      by_election.petition_id = petition.id;
      by_election.vacancy_at = declared_at;
      detail["by_election_id"] = store_.petitions().add_by_election(by_election);
    }
    audit(store_, actor, at, "petition.declare", target_of(petition.id), detail);
  });
  return result;
}

std::optional<Declaration> PetitionService::declared_result(std::int64_t petition_id) {
  const Petition petition = load_petition(store_, petition_id);
  if (!petition.declared_at) return std::nullopt;
  return petition.count;
}

}  // namespace recall
