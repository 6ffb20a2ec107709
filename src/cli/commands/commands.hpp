#pragma once
// Each subcommand registers itself on the app; they share the global options through CommandContext.
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace CLI {
class App;
}

namespace recall::cli {

struct CommandContext {
  std::string home;  // --home: where data/, policies/ and web/ are (see resources.hpp)
  std::string db;    // --db: SQLite path or postgresql:// URL
  std::string ledger_key;  // --ledger-key / $RECALL_LEDGER_KEY; empty: the default beside the db (ledger_key.hpp)
};

void add_serve_command(CLI::App& app, CommandContext& context);
void add_data_commands(CLI::App& app, CommandContext& context);
void add_timetable_command(CLI::App& app, CommandContext& context);
void add_bank_holidays_command(CLI::App& app, CommandContext& context);
void add_rules_commands(CLI::App& app, CommandContext& context);
void add_register_commands(CLI::App& app, CommandContext& context);
void add_user_commands(CLI::App& app, CommandContext& context);
void add_petition_commands(CLI::App& app, CommandContext& context);
void add_verify_commands(CLI::App& app, CommandContext& context);
void add_keys_commands(CLI::App& app, CommandContext& context);
void add_public_petition_commands(CLI::App& app, CommandContext& context);

// What --json prints: the value with two-space indents and a newline.
void print_json(const nlohmann::ordered_json& value);

}  // namespace recall::cli
