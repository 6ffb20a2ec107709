// recall petition ...: every step of a statutory recall petition for the officer at the command line,
// through PetitionService (the same checks, transactions and audit entries as the web). The
// subcommands live in src/cli/petition/.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "cli/petition/petition_subcommands.hpp"

namespace recall::cli {

void print_json(const nlohmann::ordered_json& value) { std::cout << value.dump(2) << '\n'; }

void add_petition_commands(CLI::App& app, CommandContext& context) {
  auto* petition = app.add_subcommand(
      "petition", "Run a statutory recall petition: open, places, signing, count, declare");
  petition->require_subcommand(1);
  auto options = std::make_shared<PetitionOptions>();
  petition->add_option("--as-of", options->as_of,
                       "REHEARSAL ONLY: act as if the local time were YYYY-MM-DDTHH:MM instead of now");
  add_petition_lifecycle_commands(*petition, context, options);
  add_petition_place_commands(*petition, context, options);
  add_petition_signing_commands(*petition, context, options);
  add_petition_simulate_command(*petition, context);
  add_petition_export_command(*petition, context, options);
}

}  // namespace recall::cli
