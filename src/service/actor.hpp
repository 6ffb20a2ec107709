#pragma once
// Who is doing something, as the service sees it: a signed-in user from the web, the officer at the
// command line, the public, or the system itself (the online channel, the outbox worker). Every
// officer and staff step is checked against core/auth/permissions.hpp and written to the audit log
// with these details.
#include <cstdint>
#include <optional>
#include <string>

#include "core/auth/role.hpp"

namespace recall {

struct Actor {
  std::optional<std::int64_t> user_id;  // none for the command line, the public and the system
  std::string email;                    // "" for the public; "cli" style labels are not used: the CLI passes the officer's email
  Role role = Role::public_user;
  Duty duty = Duty::none;
  std::string remote_address;           // "" for the command line

  static Actor public_user(std::string remote_address = {});
  // The command line acts as the petition officer of the machine it runs on (whoever can run the
  // binary against the database already has the data); `label` is recorded as the actor's email.
  static Actor command_line(std::string label = "command-line");
};

}  // namespace recall
