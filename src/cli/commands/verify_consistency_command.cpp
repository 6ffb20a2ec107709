// recall verify consistency A B [--key FILE] [--proof FILE | --published DIR] [--json]: an observer's
// two signed checkpoints of one petition log, and the proof that the later extends the earlier (as the
// server serves it, or computed from a published folder's leaves).
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/verify_input.hpp"
#include "cli/commands/verify_subcommands.hpp"
#include "verify/consistency.hpp"

namespace recall::cli {

namespace {

struct VerifyConsistencyArgs {
  std::string old_file;
  std::string new_file;
  std::string key_file;
  std::string proof_file;
  std::string published;
  bool json = false;
};

NamedCheckpoint read_checkpoint_file(const std::string& path) {
  return NamedCheckpoint{path, read_input_file(path, "checkpoint")};
}

void print(const ConsistencyVerification& result, bool json) {
  if (json) {
    std::cout << nlohmann::ordered_json{{"ok", result.ok},
                                        {"old_size", result.old_size},
                                        {"new_size", result.new_size},
                                        {"old_root", result.old_root_hex},
                                        {"new_root", result.new_root_hex},
                                        {"message", result.message}}
                     .dump(2)
              << '\n';
  } else if (result.ok) {
    std::cout << fmt::format("consistent: {}\n", result.message);
  }
  if (!result.ok) verification_failed(result.message, !json);
}

void verify_consistency_files(const VerifyConsistencyArgs& args) {
  const NamedCheckpoint older = read_checkpoint_file(args.old_file);
  const NamedCheckpoint newer = read_checkpoint_file(args.new_file);
  const std::uint64_t old_size = checkpoint_tree_size(older);  // a malformed checkpoint is an input error
  const std::uint64_t new_size = checkpoint_tree_size(newer);
  if (args.proof_file.empty() && args.published.empty()) {
    throw Error(ErrorKind::invalid_input,
                "a consistency proof is needed: --proof FILE (from /petitions/{id}/ledger/consistency?old=A&new=B) or "
                "--published DIR to compute it from the published leaves",
                SourceLocation{"arguments", 0, 0, "--proof"});
  }

  std::optional<PublishedPetition> published;
  if (!args.published.empty()) published = read_published_petition(args.published);
  const ledger::VerifierKey key =
      trusted_verifier_key(args.key_file, published ? std::optional(published->verifier_key) : std::nullopt);

  ConsistencyProof proof;
  if (!args.proof_file.empty()) {
    proof = parse_consistency_proof_json(read_input_file(args.proof_file, "proof"), args.proof_file);
  } else if (new_size > published->leaves.size()) {
    ConsistencyVerification failed;
    failed.message = fmt::format("{} has {} leaves; the published folder holds only {}", newer.name, new_size,
                                 published->leaves.size());
    return print(failed, args.json);
  } else if (old_size <= new_size) {
    proof = consistency_proof_from_leaves(*published, old_size, new_size);
  } else {
    proof = ConsistencyProof{old_size, new_size, {}};  // the sizes' order is reported by the verification
  }
  print(verify_checkpoint_consistency(older, newer, key, proof), args.json);
}

}  // namespace

void add_verify_consistency_command(CLI::App& verify) {
  auto args = std::make_shared<VerifyConsistencyArgs>();
  auto* command = verify.add_subcommand(
      "consistency", "check that a later signed checkpoint of a petition log extends an earlier one (the log was only "
                     "appended to); exits 7 naming the first problem");
  command->add_option("old", args->old_file, "the earlier checkpoint file (a signed note)")->required();
  command->add_option("new", args->new_file, "the later checkpoint file")->required();
  command->add_option("--key", args->key_file,
                      "the deployment's verifier key file to trust (needed without --published; with it, instead of "
                      "the folder's key.pub)");
  auto* proof = command->add_option("--proof", args->proof_file,
                                    "the consistency proof as JSON {\"old_size\",\"new_size\",\"proof\":[base64...]}");
  auto* published = command->add_option("--published", args->published,
                                        "a folder written by `recall petition export`: compute the proof from its leaves");
  proof->excludes(published);
  command->add_flag("--json", args->json, "print the result as JSON");
  command->callback([args] { verify_consistency_files(*args); });
}

}  // namespace recall::cli
