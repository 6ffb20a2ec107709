// recall: the one binary. Subcommands live in src/cli/commands/; errors are reported here, once, with
// an exit code per kind of error (exit_codes.hpp).
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/base/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Recall: recall petitions, by-elections and the campaigns around them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "recall 0.1.0");

  app.fallthrough();  // let `recall serve --db X` reach the global --db

  recall::cli::CommandContext context;
  context.db = "recall.db";
  app.add_option("--home", context.home, "folder holding data/, policies/ and web/ (default: $RECALL_HOME, then the source tree)");
  app.add_option("--db", context.db, "SQLite file, or postgresql://user@host/dbname")->capture_default_str();
  app.add_option("--ledger-key", context.ledger_key,
                 "the deployment's ledger signing key file (default: <db>.ledger-key beside a SQLite file, "
                 "recall-ledger.key for PostgreSQL)")
      ->envname("RECALL_LEDGER_KEY");

  recall::cli::add_serve_command(app, context);
  recall::cli::add_data_commands(app, context);
  recall::cli::add_timetable_command(app, context);
  recall::cli::add_bank_holidays_command(app, context);
  recall::cli::add_rules_commands(app, context);
  recall::cli::add_register_commands(app, context);
  recall::cli::add_user_commands(app, context);
  recall::cli::add_petition_commands(app, context);
  recall::cli::add_verify_commands(app, context);
  recall::cli::add_keys_commands(app, context);
  recall::cli::add_public_petition_commands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const recall::Error& e) {
    std::cerr << "recall: " << e.what() << '\n';
    return recall::cli::exit_code(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "recall: internal error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
