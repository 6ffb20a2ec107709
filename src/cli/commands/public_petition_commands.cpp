// recall public-petition ...: public "call a by-election" petitions (issue 5; docs/public-petitions.md)
// for the moderator at the command line, through PublicPetitionService (the same checks, transactions
// and audit entries as the moderation pages). The subcommands live in src/cli/public_petition/.
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "cli/public_petition/public_petition_subcommands.hpp"

namespace recall::cli {

void bad_public_option(std::string_view option, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message), SourceLocation{"arguments", 0, 0, std::string(option)});
}

void add_public_petition_commands(CLI::App& app, CommandContext& context) {
  auto* group = app.add_subcommand(
      "public-petition", "Public petitions: create, moderate, block, invalidate, recount, close and anonymise");
  group->require_subcommand(1);
  auto options = std::make_shared<PublicPetitionOptions>();
  group->add_option("--now", options->now,
                    "REHEARSALS ONLY: act as if the UTC time were YYYY-MM-DDTHH:MM:SSZ instead of now");
  group->add_option("--public-url", options->public_url,
                    "the site's address, for the links in emails (as serve's --public-url)");
  add_public_petition_record_commands(*group, context, options);
  add_public_petition_moderation_commands(*group, context, options);
  add_public_petition_block_commands(*group, context, options);
  add_public_petition_recount_command(*group, context, options);
  add_public_petition_upkeep_commands(*group, context, options);
}

}  // namespace recall::cli
