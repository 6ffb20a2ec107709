#pragma once
// A whole statutory petition run on a synthetic register, step by step through PetitionService, with
// a clock the simulation moves: opening, places, the signing period, the count and the declaration.
// Used by `recall petition simulate`, by the replays of real petitions, and for demonstrations.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/auth/clock.hpp"
#include "core/ledger/note_key.hpp"
#include "core/parliament/parliament.hpp"
#include "core/petition/petition.hpp"
#include "core/rules/policy_set.hpp"
#include "store/store.hpp"

namespace recall {

struct SimulationOptions {
  std::string ons_code;               // field "constituency"
  std::string policy_id = "uk-2015";  // field "policy"
  std::string condition;              // "" : the first condition the policy recognises
  Date notice;                        // the Speaker's notice (field "notice")
  long electors = 0;                  // eligible registered electors at the close (field "electors")
  long signatures = 0;                // valid signatures to record (field "signatures")
  long rejected = 0;                  // rejected sheets to record (field "rejected")
  std::uint64_t seed = 1;
  long places = 0;                    // 0: one per 7,000 electors, at least 1, at most the policy's maximum
  std::optional<Date> terminated_on;  // s.13: the petition ends early on this day (no count)
  // The deployment's ledger key: with it the petition's ledger gets its checkpoints, and the declared
  // petition can be exported (PetitionService::use_ledger_key).
  std::optional<ledger::SignerKey> ledger_key;
};

struct SimulationResult {
  Petition petition;                       // as stored at the end
  std::optional<Declaration> declaration;  // the public notice; none when terminated
  long places = 0;
  long postal_sheets_issued = 0;
  std::map<SigningChannel, long> valid_by_channel;
  std::string outcome;  // "successful", "unsuccessful" or "terminated"
};

// Runs the petition in one store transaction: nothing is kept if any step fails. Errors name the
// option at fault; Error(conflict) when the constituency already has a petition under way in `store`.
SimulationResult simulate_petition(Store& store, const Parliament& parliament, const PolicySet& policies,
                                   const SimulationOptions& options);

// The latest working day whose notice gives `designated` as the statutory designated day (for
// petitions whose notice date was not published). Error(invalid_input) on field "designated_day" if none.
Date notice_for_designated_day(const Policy& policy, HolidayRegion region, Date designated);

}  // namespace recall
