// recall petition export --petition ID --out DIR [--json]: after the declaration, the petition's
// leaves, final and earlier checkpoints, declared figures and the deployment's verifier key as a folder
// (verify/published_petition.hpp) that anyone can check with `recall verify petition DIR`.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/petition/petition_json.hpp"
#include "cli/petition/petition_subcommands.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/signed_note.hpp"
#include "core/petition/declaration.hpp"
#include "verify/published_petition.hpp"

namespace recall::cli {

namespace {

struct ExportArgs {
  std::int64_t petition = 0;
  std::string out;
};

void export_petition(const CommandContext& context, const PetitionOptions& options, const ExportArgs& args) {
  auto world = open_petition_world(context, options);
  const PublishedPetition published = world->service->published_petition(args.petition);
  write_published_petition(args.out, published);
  const ledger::Checkpoint checkpoint = ledger::parse_checkpoint(ledger::parse_signed_note(published.checkpoint).text);
  const std::string root = ledger::hash_to_hex(checkpoint.root);
  const DeclaredFigures& declared = published.declared;
  if (options.json) {
    return print_json({{"petition", published.petition_id},
                       {"out", args.out},
                       {"origin", published.origin},
                       {"leaves", published.leaves.size()},
                       {"tree_size", checkpoint.size},
                       {"root", root},
                       {"checkpoints", published.checkpoints.size()},
                       {"eligible", declared.eligible},
                       {"valid_signatures", declared.valid_signatures},
                       {"rejected", declared.rejected},
                       {"percent", percent_number(declared.percent_tenths)},
                       {"successful", declared.successful},
                       {"verifier_key", published.verifier_key}});
  }
  std::cout << fmt::format(
      "Exported petition {} to {}: {} leaves and {} earlier checkpoints.\n"
      "Log {}: tree size {}, root {}.\n"
      "Declared: {} valid signatures of {} eligible electors ({}%), {} rejected; {}.\n"
      "Check it with: recall verify petition {}\n",
      published.petition_id, args.out, published.leaves.size(), published.checkpoints.size(), published.origin,
      checkpoint.size, root, declared.valid_signatures, declared.eligible, format_percent_tenths(declared.percent_tenths),
      declared.rejected, declared.successful ? "successful" : "not successful", args.out);
}

}  // namespace

void add_petition_export_command(CLI::App& petition, CommandContext& context, const SharedOptions& options) {
  auto args = std::make_shared<ExportArgs>();
  auto* command = petition.add_subcommand(
      "export", "After the declaration, write the petition's leaves, signed checkpoints, declared figures and "
                "verifier key to a folder anyone can check with `recall verify petition`");
  command->add_option("--petition", args->petition, "the petition's number")->required();
  command->add_option("--out", args->out, "the folder to write (created if missing; its files are replaced)")
      ->required();
  command->add_flag("--json", options->json, "print JSON");
  command->callback([&context, options, args] { export_petition(context, *options, *args); });
}

}  // namespace recall::cli
