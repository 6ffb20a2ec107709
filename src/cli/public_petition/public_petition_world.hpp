#pragma once
// What `recall public-petition` commands work with: the store, the reference data, and a
// PublicPetitionService acting as the moderator at the command line.
//
// Reads (list, show, block list) and close-due go to the store alone: starting the service rebuilds
// every open petition's duplicate check and counts from the store, reading every signature row, and
// they have no need of it. Steps that change something start the service, so they run
// through the same checks, transactions and audit entries as the moderation pages.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "core/auth/clock.hpp"
#include "core/parliament/parliament.hpp"
#include "service/actor.hpp"
#include "service/public_petition_service.hpp"
#include "store/store.hpp"

namespace recall::cli {

struct PublicPetitionOptions {
  bool json = false;
  std::string now;         // "YYYY-MM-DDTHH:MM:SSZ": rehearsals only; empty: the real clock
  std::string public_url;  // the site's address for links in emails (as serve's); empty: the default
  int anonymise_after_months = PublicPetitionConfig{}.anonymise_after_months;
};

struct PublicPetitionWorld {
  std::unique_ptr<Store> store;
  std::unique_ptr<Store> intake_store;  // the sequencer's own connection to the same database
  Parliament parliament;
  Clock clock;
  // The command line acts as the petition officer, who may moderate (core/auth/permissions.cpp):
  // whoever can run the binary against the database already holds every row it could moderate.
  Actor moderator = Actor::command_line();
  std::unique_ptr<PublicPetitionService> service;

  PublicPetitionWorld(std::unique_ptr<Store> store, std::unique_ptr<Store> intake_store, Parliament parliament,
                      Clock clock);
  ~PublicPetitionWorld();  // stops the service: what it acknowledged is committed already
  PublicPetitionWorld(const PublicPetitionWorld&) = delete;
  PublicPetitionWorld& operator=(const PublicPetitionWorld&) = delete;
};

// The store, reference data and a started service.
std::unique_ptr<PublicPetitionWorld> open_public_petition_world(const CommandContext& context,
                                                                const PublicPetitionOptions& options);

// The store and reference data only, for `show` (commands that read no constituency open the store alone).
struct PublicPetitionReader {
  std::unique_ptr<Store> store;
  Parliament parliament;
};
PublicPetitionReader open_public_petition_reader(const CommandContext& context);

// The real clock, or with --now a fixed UTC time (Error(invalid_input) naming --now).
Clock public_petition_clock(const PublicPetitionOptions& options);

}  // namespace recall::cli
