#pragma once
// The groups of `recall petition` subcommands, each in its own file, registered by
// commands/petition_commands.cpp. They share the --as-of option through `options`.
#include <cstdint>
#include <memory>

#include <nlohmann/json.hpp>
#include "cli/commands/commands.hpp"

#include "cli/petition/petition_world.hpp"

namespace CLI {
class App;
}

namespace recall::cli {

using SharedOptions = std::shared_ptr<PetitionOptions>;

void add_petition_lifecycle_commands(CLI::App& petition, CommandContext& context,
                                     const SharedOptions& options);
void add_petition_place_commands(CLI::App& petition, CommandContext& context, const SharedOptions& options);
void add_petition_signing_commands(CLI::App& petition, CommandContext& context, const SharedOptions& options);
void add_petition_simulate_command(CLI::App& petition, CommandContext& context);
void add_petition_export_command(CLI::App& petition, CommandContext& context, const SharedOptions& options);

}  // namespace recall::cli
