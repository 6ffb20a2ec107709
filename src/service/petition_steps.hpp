#pragma once
// What every step of PetitionService does around its own rule: check the actor's permission, name the
// field of bad input, load the petition, and write the audit entry inside the step's transaction.
// Internal to src/service.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/auth/permissions.hpp"
#include "core/base/error.hpp"
#include "core/calendar/bank_holidays.hpp"
#include "core/parliament/parliament.hpp"
#include "core/petition/petition.hpp"
#include "core/rules/policy_set.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace recall::petition_steps {

// Error(unauthenticated) for the public (they must sign in first), Error(forbidden) for anyone else
// whose role and duty lack the permission.
void require(const Actor& actor, Permission permission);
// True when the actor may do any of a petition's staff work or watch it (staff views).
bool is_staff_or_observer(const Actor& actor);

[[noreturn]] void invalid(std::string_view field, std::string message);
[[noreturn]] void conflict(std::string message);

// Error(not_found) for an unknown id.
Petition load_petition(Store& store, std::int64_t id);
const Policy& policy_of(const PolicySet& policies, const Petition& petition);

std::string target_of(std::int64_t petition_id);  // "petition/7"
// Bank holidays of the part of the UK the petition's constituency is in.
HolidayRegion region_of(const Parliament& parliament, const Petition& petition);
// Error(conflict) naming the phase unless the petition is in one of `allowed`.
void require_phase(PetitionPhase phase, std::initializer_list<PetitionPhase> allowed, std::string_view step);

// Appends one audit entry as `actor` at `now` (Unix seconds); call inside the step's transaction.
void audit(Store& store, const Actor& actor, std::int64_t now, std::string action, std::string target,
           const nlohmann::json& detail);

// Actions under this prefix record or refuse signing sheets; while a petition is undeclared they are
// hidden from every reader of the audit log, as their number would be a running total.
inline constexpr std::string_view sheet_action_prefix = "petition.sheet.";

}  // namespace recall::petition_steps
