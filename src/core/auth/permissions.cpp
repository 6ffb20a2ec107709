#include "core/auth/permissions.hpp"

#include <array>

namespace recall {

namespace {

struct Grant {
  Permission permission;
  std::string_view name;
  bool officer;
  bool clerk;   // staff on duty at a signing place
  bool postal;  // staff on the postal team
  bool observer;
  bool campaigner;
  bool moderator;  // of public petitions (issue 5)
  bool public_user;
};

// The whole policy. Staff get only what their duty needs (least privilege); the officer, who is
// legally responsible for the petition, may do everything staff may. Observers watch but change
// nothing; campaigners run their own campaign and see only what the public sees of the petition.
// Moderators look after public petitions only (publish, reject, hide, invalidate, block); the officer
// may moderate too, as the command line acts as the officer.
// clang-format off
constexpr std::array<Grant, 12> grants{{
    // flags: officer, signing-place clerk, postal team, observer, campaigner, moderator, public
    {Permission::view_public, "view-public",                              true , true , true , true , true , true , true },
    {Permission::manage_users, "manage-users",                            true , false, false, false, false, false, false},
    {Permission::read_audit_log, "read-audit-log",                        true , false, false, false, false, false, false},
    {Permission::manage_petition, "manage-petition",                      true , false, false, false, false, false, false},
    {Permission::import_register, "import-register",                      true , false, false, false, false, false, false},
    {Permission::mark_register_in_person, "mark-register-in-person",      true , true , false, false, false, false, false},
    {Permission::record_postal_signature, "record-postal-signature",      true , false, true , false, false, false, false},
    {Permission::issue_postal_votes, "issue-postal-votes",                true , false, true , false, false, false, false},
    {Permission::run_count, "run-count",                                  true , false, false, false, false, false, false},
    {Permission::observe_proceedings, "observe-proceedings",              true , false, false, true , false, false, false},
    {Permission::manage_campaign, "manage-campaign",                      false, false, false, false, true , false, false},
    {Permission::moderate_public_petitions, "moderate-public-petitions",  true , false, false, false, false, true , false},
}};
// clang-format on

const Grant* find(Permission permission) noexcept {
  for (const Grant& grant : grants) {
    if (grant.permission == permission) return &grant;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(Permission permission) noexcept {
  const Grant* grant = find(permission);
  return grant != nullptr ? grant->name : "unknown";
}

bool may(Role role, Duty duty, Permission permission) noexcept {
  const Grant* grant = find(permission);
  if (grant == nullptr) return false;  // a permission missing from the table is granted to nobody
  switch (role) {
    case Role::petition_officer:
      return grant->officer;
    case Role::staff:
      if (duty == Duty::signing_place_clerk) return grant->clerk;
      if (duty == Duty::postal_team) return grant->postal;
      return false;  // staff without a duty may do nothing
    case Role::observer:
      return grant->observer;
    case Role::campaigner:
      return grant->campaigner;
    case Role::moderator:
      return grant->moderator;
    case Role::public_user:
      return grant->public_user;
  }
  return false;
}

}  // namespace recall
