// recall verify petition DIR: check a published petition from its files alone (issue 4); `verify
// receipt` and `verify consistency` are in their own files (verify_subcommands.hpp).
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/commands/verify_input.hpp"
#include "cli/commands/verify_subcommands.hpp"
#include "cli/exit_codes.hpp"
#include "core/base/error.hpp"
#include "core/petition/declaration.hpp"
#include "verify/verify_petition.hpp"

namespace recall::cli {

namespace {

struct VerifyPetitionArgs {
  std::string dir;
  std::string key_file;
  bool json = false;
};

void verify_petition(const VerifyPetitionArgs& args) {
  const PublishedPetition published = read_published_petition(args.dir);
  std::optional<std::string> trusted;
  if (!args.key_file.empty()) trusted = read_key_file(args.key_file);
  const PetitionVerification result = verify_published_petition(published, trusted);

  if (args.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& problem : result.problems) {
      problems.push_back({{"leaf", problem.leaf_index ? nlohmann::json(*problem.leaf_index) : nlohmann::json()},
                          {"message", problem.message}});
    }
    std::cout << nlohmann::json{{"petition", published.petition_id},
                                {"ok", result.ok()},
                                {"tree_size", result.tree_size},
                                {"root", result.root_hex},
                                {"valid_signatures", result.recount.valid_signatures},
                                {"rejected", result.recount.rejected},
                                {"problems", problems}}
                     .dump(2)
              << '\n';
  } else if (result.ok()) {
    std::cout << fmt::format(
        "petition {} verified: {} leaves, root {}\nrecount: {} valid signatures, {} rejected sheets; declared {} of {} "
        "eligible ({}%), {}\n",
        published.petition_id, result.tree_size, result.root_hex, result.recount.valid_signatures,
        result.recount.rejected, published.declared.valid_signatures, published.declared.eligible,
        format_percent_tenths(published.declared.percent_tenths),
        published.declared.successful ? "successful" : "unsuccessful");
  } else {
    for (const auto& problem : result.problems) std::cerr << "recall: verification failed: " << problem.message << '\n';
  }
  if (!result.ok()) throw CLI::RuntimeError(verification_failed_exit_code);
}

}  // namespace

void add_verify_commands(CLI::App& app, CommandContext& /*context*/) {
  auto* verify = app.add_subcommand("verify", "check published results independently, from their files alone");
  verify->require_subcommand(1);

  auto args = std::make_shared<VerifyPetitionArgs>();
  auto* petition = verify->add_subcommand(
      "petition", "recompute a published petition's Merkle root, check its signed checkpoint and recount it against "
                  "the declaration; exits 7 naming the first discrepancy");
  petition->add_option("dir", args->dir, "the folder written by `recall petition export`")->required();
  petition->add_option("--key", args->key_file,
                       "a verifier key file to trust instead of the folder's key.pub (e.g. fetched from "
                       "/.well-known/recall-key)");
  petition->add_flag("--json", args->json, "print the result as JSON");
  petition->callback([args] { verify_petition(*args); });

  add_verify_receipt_command(*verify);
  add_verify_consistency_command(*verify);
}

}  // namespace recall::cli
