#include "service/petition_steps.hpp"

#include <fmt/format.h>

#include <utility>

#include "core/auth/clock.hpp"

namespace recall::petition_steps {

void require(const Actor& actor, Permission permission) {
  if (may(actor.role, actor.duty, permission)) return;
  if (actor.role == Role::public_user) {
    throw Error(ErrorKind::unauthenticated, "sign in to do this");
  }
  throw Error(ErrorKind::forbidden, fmt::format("your role may not {}", to_string(permission)));
}

bool is_staff_or_observer(const Actor& actor) {
  for (Permission p :
       {Permission::manage_petition, Permission::mark_register_in_person, Permission::record_postal_signature,
        Permission::issue_postal_votes, Permission::run_count, Permission::observe_proceedings}) {
    if (may(actor.role, actor.duty, p)) return true;
  }
  return false;
}

void invalid(std::string_view field, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message), SourceLocation{"", 0, 0, std::string(field)});
}

void conflict(std::string message) { throw Error(ErrorKind::conflict, std::move(message)); }

Petition load_petition(Store& store, std::int64_t id) {
  auto petition = store.petitions().find_petition(id);
  if (!petition) throw_not_found(fmt::format("no petition {}", id));
  return std::move(*petition);
}

const Policy& policy_of(const PolicySet& policies, const Petition& petition) {
  const Policy* policy = policies.find(petition.policy_id);
  if (policy == nullptr) {
    // The policy file was removed after the petition opened: the petition keeps the law it opened
    // under, so nothing can run until the file is back.
    throw Error(ErrorKind::unavailable,
                fmt::format("policy \"{}\" of petition {} is not loaded", petition.policy_id, petition.id));
  }
  return *policy;
}

std::string target_of(std::int64_t petition_id) { return fmt::format("petition/{}", petition_id); }

HolidayRegion region_of(const Parliament& parliament, const Petition& petition) {
  const Constituency* constituency = parliament.constituency(petition.ons_code);
  if (constituency == nullptr) {
    throw Error(ErrorKind::unavailable,
                fmt::format("constituency {} of petition {} is not in the reference data", petition.ons_code,
                            petition.id));
  }
  return holiday_region(constituency->nation);
}

void require_phase(PetitionPhase phase, std::initializer_list<PetitionPhase> allowed, std::string_view step) {
  for (PetitionPhase p : allowed) {
    if (p == phase) return;
  }
  conflict(fmt::format("cannot {} while the petition is {}", step, to_string(phase)));
}

void audit(Store& store, const Actor& actor, std::int64_t now, std::string action, std::string target,
           const nlohmann::json& detail) {
  AuditEntry entry;
  entry.at = format_utc_timestamp(now);
  entry.actor_user_id = actor.user_id;
  entry.actor_email = actor.email;
  entry.role = std::string(to_string(actor.role));
  entry.action = std::move(action);
  entry.target = std::move(target);
  entry.detail = detail.dump();
  entry.remote_address = actor.remote_address;
  store.audit().append(entry);
}

}  // namespace recall::petition_steps
