#include "service/actor.hpp"

#include <utility>

namespace recall {

Actor Actor::public_user(std::string remote_address) {
  Actor actor;
  actor.role = Role::public_user;
  actor.duty = Duty::none;
  actor.remote_address = std::move(remote_address);
  return actor;
}

Actor Actor::command_line(std::string label) {
  Actor actor;
  actor.email = std::move(label);
  actor.role = Role::petition_officer;
  actor.duty = Duty::none;
  return actor;
}

}  // namespace recall
