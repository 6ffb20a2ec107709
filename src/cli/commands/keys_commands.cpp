// recall keys init|show: the deployment's ledger key (cli/ledger_key.hpp). `init` makes it once;
// `show` prints the public verifier key, which observers need to check checkpoints and receipts (the
// server also publishes it at /.well-known/recall-key).
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/ledger_key.hpp"

namespace recall::cli {

namespace {

struct KeysInitArgs {
  std::string name;
};

void keys_init(const CommandContext& context, const KeysInitArgs& args) {
  const auto path = ledger_key_path(context);
  const auto key = create_ledger_key(path, args.name.empty() ? default_ledger_key_name() : args.name);
  std::cerr << fmt::format("recall: created the ledger key {} (name {}); keep it safe and private\n", path.string(),
                           key.name());
  std::cout << ledger::encode_verifier_key(key.verifier()) << '\n';
}

void keys_show(const CommandContext& context) {
  std::cout << ledger::encode_verifier_key(read_ledger_key(ledger_key_path(context)).verifier()) << '\n';
}

}  // namespace

void add_keys_commands(CLI::App& app, CommandContext& context) {
  auto* keys = app.add_subcommand("keys", "the deployment's ledger key, which signs every petition log's checkpoints");
  keys->require_subcommand(1);

  auto args = std::make_shared<KeysInitArgs>();
  auto* init = keys->add_subcommand(
      "init", "create the ledger key file (--ledger-key, default beside the database; never overwritten) and print "
              "its verifier key");
  init->add_option("--name", args->name,
                   "the key's name, the first part of every log origin (default: this host's name)");
  init->callback([&context, args] { keys_init(context, *args); });

  auto* show = keys->add_subcommand("show", "print the verifier (public) key of the ledger key");
  show->callback([&context] { keys_show(context); });
}

}  // namespace recall::cli
