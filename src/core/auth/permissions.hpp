#pragma once
// What each role (and each staff duty) may do. The table in permissions.cpp is the one place this is
// decided; handlers and commands ask `may`, never compare roles themselves.
#include <string_view>

#include "core/auth/role.hpp"

namespace recall {

enum class Permission {
  view_public,   // results, MPs, open petitions
  manage_users,  // add, disable and change the role of accounts
  read_audit_log,
  manage_petition,  // timetable, signature requirement, signing places
  import_register,
  mark_register_in_person,  // at a signing place
  record_postal_signature,
  issue_postal_votes,
  run_count,            // the sealed count and the declaration
  observe_proceedings,  // watch signing places and the count
  manage_campaign,      // canvassing events, returns, the fighting fund
  moderate_public_petitions,  // publish, reject, hide, invalidate, clear suspects, block lists, recount
};

[[nodiscard]] std::string_view to_string(Permission permission) noexcept;

// Whether a user with this role and duty may do it.
[[nodiscard]] bool may(Role role, Duty duty, Permission permission) noexcept;

}  // namespace recall
