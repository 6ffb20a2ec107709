#pragma once
// What every `recall petition` command works with: the store, the reference data and policies, and the
// PetitionService acting as the officer at the command line. The clock is the real one, unless
// --as-of fixes the local time for a rehearsal.
#include <memory>
#include <string>

#include "cli/commands/commands.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/policy_set.hpp"
#include "service/actor.hpp"
#include "service/petition_service.hpp"
#include "store/store.hpp"

namespace recall::cli {

struct PetitionOptions {
  std::string as_of;  // "YYYY-MM-DDTHH:MM" local: rehearsal only; empty: the real clock
  bool json = false;
};

struct PetitionWorld {
  std::unique_ptr<Store> store;
  Parliament parliament;
  PolicySet policies;
  Actor officer = Actor::command_line();
  std::unique_ptr<PetitionService> service;
};

std::unique_ptr<PetitionWorld> open_petition_world(const CommandContext& context,
                                                   const PetitionOptions& options);

}  // namespace recall::cli
