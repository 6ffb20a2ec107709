// recall verify receipt FILE [--key FILE] [--published DIR] [--json]: a signer's receipt (core/petition/
// receipt.hpp) shows their sheet is in the counted log. A receipt carrying its proof is checked against
// its own checkpoint under the trusted key; with --published DIR the leaf is also found in, and proven
// from, the published leaves.
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/verify_input.hpp"
#include "cli/commands/verify_subcommands.hpp"
#include "core/petition/receipt.hpp"
#include "verify/published_receipt.hpp"

namespace recall::cli {

namespace {

struct VerifyReceiptArgs {
  std::string file;
  std::string key_file;
  std::string published;
  bool json = false;
};

ReceiptFile read_receipt(const std::string& path) {
  const std::string text = read_input_file(path, "receipt");
  try {
    return parse_receipt_file(text);
  } catch (const Error& e) {
    rethrow_in_file(e, path);
  }
}

void verify_receipt_file(const VerifyReceiptArgs& args) {
  const ReceiptFile receipt = read_receipt(args.file);
  ReceiptVerification result;
  if (!args.published.empty()) {
    const PublishedPetition published = read_published_petition(args.published);
    std::optional<std::string> trusted;
    if (!args.key_file.empty()) trusted = ledger::encode_verifier_key(trusted_verifier_key(args.key_file, std::nullopt));
    result = verify_receipt_against_published(receipt, published, trusted);
  } else {
    if (!receipt.proof) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("{} has no inclusion proof yet; check it against the published petition with "
                              "--published DIR",
                              args.file),
                  SourceLocation{"arguments", 0, 0, "--published"});
    }
    result = verify_receipt(receipt, trusted_verifier_key(args.key_file, std::nullopt));
  }

  const std::string code = receipt_code(receipt.receipt.leaf.nonce);
  if (args.json) {
    std::cout << nlohmann::ordered_json{{"ok", result.ok},
                                        {"code", code},
                                        {"origin", receipt.receipt.origin},
                                        {"event", to_string(receipt.receipt.leaf.event)},
                                        {"leaf_index", result.leaf_index},
                                        {"tree_size", result.tree_size},
                                        {"message", result.message}}
                     .dump(2)
              << '\n';
  } else if (result.ok) {
    std::cout << fmt::format("receipt {} verified: {}\n", code, result.message);
  }
  if (!result.ok) verification_failed(result.message, !args.json);
}

}  // namespace

void add_verify_receipt_command(CLI::App& verify) {
  auto args = std::make_shared<VerifyReceiptArgs>();
  auto* command = verify.add_subcommand(
      "receipt", "check a signer's receipt file: its leaf is in the petition's signed log; exits 7 naming the first "
                 "problem");
  command->add_option("file", args->file, "the receipt file (recall-receipt/1)")->required();
  command->add_option("--key", args->key_file,
                      "the deployment's verifier key file to trust (needed without --published; with it, instead of "
                      "the folder's key.pub)");
  command->add_option("--published", args->published,
                      "a folder written by `recall petition export`: find the leaf there and prove it from the leaves");
  command->add_flag("--json", args->json, "print the result as JSON");
  command->callback([args] { verify_receipt_file(*args); });
}

}  // namespace recall::cli
