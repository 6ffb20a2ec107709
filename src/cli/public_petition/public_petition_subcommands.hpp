#pragma once
// The groups of `recall public-petition` subcommands, each in its own file, registered by
// commands/public_petition_commands.cpp. They share --now, --public-url and --json through `options`.
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "cli/commands/commands.hpp"
#include "cli/public_petition/public_petition_world.hpp"
#include "core/base/error.hpp"

namespace CLI {
class App;
}

namespace recall::cli {

using SharedPublicOptions = std::shared_ptr<PublicPetitionOptions>;

void add_public_petition_record_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options);
void add_public_petition_moderation_commands(CLI::App& group, CommandContext& context,
                                             const SharedPublicOptions& options);
void add_public_petition_block_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options);
void add_public_petition_recount_command(CLI::App& group, CommandContext& context, const SharedPublicOptions& options);
void add_public_petition_upkeep_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options);

// Error(invalid_input) naming the command-line option.
[[noreturn]] void bad_public_option(std::string_view option, std::string message);

// The service names the form field of bad input ("email", "from"); at the command line the user typed
// an option. Runs `step`, and rethrows such an error naming the option instead (`options` maps form
// fields to option names); other errors pass unchanged.
template <typename Step>
decltype(auto) with_option_names(const std::map<std::string, std::string, std::less<>>& options, Step&& step) {
  try {
    return step();
  } catch (const Error& error) {
    const auto& where = error.where();
    if (error.kind() != ErrorKind::invalid_input || !where) throw;
    const auto option = options.find(where->field);
    if (option == options.end()) throw;
    bad_public_option(option->second, error.message());
  }
}

}  // namespace recall::cli
