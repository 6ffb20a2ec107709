// recall public-petition block add | list | remove | import: the block list. A signature that matches
// an entry is kept as suspect, not refused (core/public_petition/signature_screening.hpp).
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/environment.hpp"
#include "cli/public_petition/public_petition_subcommands.hpp"
#include "core/auth/clock.hpp"
#include "core/public_petition/petition_text.hpp"

namespace recall::cli {

namespace {

using public_petition::BlockKind;

struct AddArgs {
  std::string kind;
  std::string value;
  std::string note;
};

struct ImportArgs {
  std::string file;
  std::string note;
};

BlockKind block_kind(const std::string& text) {
  if (const auto kind = public_petition::parse_block_kind(text)) return *kind;
  bad_public_option("KIND", fmt::format("\"{}\" is not a kind of entry: ip, domain or email", text));
}

nlohmann::ordered_json to_json(const PublicBlock& block) {
  return {{"id", block.id},
          {"kind", to_string(block.kind)},
          {"value", block.value},
          {"created_at", format_utc_timestamp(block.created_at)},
          {"note", block.note}};
}

void add(const CommandContext& context, const PublicPetitionOptions& options, const AddArgs& args) {
  const BlockKind kind = block_kind(args.kind);
  auto world = open_public_petition_world(context, options);
  const std::int64_t id = with_option_names({{"value", "VALUE"}, {"ip", "VALUE"}, {"domain", "VALUE"}, {"email", "VALUE"}},
                                            [&] { return world->service->add_block(kind, args.value, args.note, world->moderator); });
  if (options.json) return print_json({{"id", id}, {"kind", to_string(kind)}});
  std::cout << fmt::format("Added block {} ({}).\n", id, to_string(kind));
}

void list(const CommandContext& context, const PublicPetitionOptions& options) {
  const auto blocks = open_context_store(context)->public_petitions().list_blocks();
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& block : blocks) out.push_back(to_json(block));
    return print_json(out);
  }
  if (blocks.empty()) std::cout << "no blocks\n";
  for (const auto& block : blocks) {
    std::cout << fmt::format("{:>5}  {:<6}  {:<40}  {}{}\n", block.id, to_string(block.kind), block.value,
                             format_utc_timestamp(block.created_at), block.note.empty() ? "" : "  " + block.note);
  }
}

void remove(const CommandContext& context, const PublicPetitionOptions& options, std::int64_t id) {
  auto world = open_public_petition_world(context, options);
  if (!world->service->remove_block(id, world->moderator)) {
    throw Error(ErrorKind::not_found, fmt::format("there is no block {}", id));
  }
  if (options.json) return print_json({{"id", id}, {"removed", true}});
  std::cout << fmt::format("Removed block {}.\n", id);
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::invalid_input, "cannot read the block list file", SourceLocation{path, 0, 0, "FILE"});
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every line is checked before anything is written (a bad line: file:line:column, nothing imported);
// then the service adds the new entries and their audit entries as one step (all or none), and a
// running server follows its change log. Entries already blocked are skipped, so importing the same
// file again changes nothing.
void import_file(const CommandContext& context, const PublicPetitionOptions& options, const ImportArgs& args) {
  const auto entries = public_petition::parse_block_entries(read_whole_file(args.file), args.file);
  const std::string note = with_option_names({{"note", "--note"}}, [&] {
    return public_petition::clean_text_field(args.note, "note", false);
  });
  auto world = open_public_petition_world(context, options);
  const BlockImport imported = world->service->import_blocks(entries, note, args.file, world->moderator);
  if (options.json) {
    return print_json({{"file", args.file}, {"added", imported.added}, {"already_blocked", imported.already_blocked}});
  }
  std::cout << fmt::format("Imported {}: {} entr{} added, {} already blocked.\n", args.file, imported.added,
                           imported.added == 1 ? "y" : "ies", imported.already_blocked);
}

}  // namespace

void add_public_petition_block_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options) {
  auto* block = group.add_subcommand("block", "The block list: IP addresses and ranges, mail domains, emails");
  block->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  auto* add_cmd = block->add_subcommand("add", "Block an address or range, a domain, or an email");
  add_cmd->add_option("KIND", add_args->kind, "ip, domain or email")->required();
  add_cmd->add_option("VALUE", add_args->value, "198.51.100.0/24, *.example.com, someone@example.com")->required();
  add_cmd->add_option("--note", add_args->note, "why, for the other moderators");
  add_cmd->add_flag("--json", options->json, "print JSON");
  add_cmd->callback([&context, options, add_args] { add(context, *options, *add_args); });

  auto* list_cmd = block->add_subcommand("list", "List the block list");
  list_cmd->add_flag("--json", options->json, "print JSON");
  list_cmd->callback([&context, options] { list(context, *options); });

  auto id = std::make_shared<std::int64_t>(0);
  auto* remove_cmd = block->add_subcommand("remove", "Remove an entry (signatures it marked stay suspect until cleared)");
  remove_cmd->add_option("ID", *id, "the entry's number (block list)")->required();
  remove_cmd->add_flag("--json", options->json, "print JSON");
  remove_cmd->callback([&context, options, id] { remove(context, *options, *id); });

  auto import_args = std::make_shared<ImportArgs>();
  auto* import_cmd = block->add_subcommand(
      "import", "Add every entry of a file (lines \"ip 198.51.100.0/24\", \"domain *.example.com\", "
                "\"email a@example.com\", # comments) in one transaction");
  import_cmd->add_option("FILE", import_args->file, "the block list file")->required();
  import_cmd->add_option("--note", import_args->note, "why, recorded with every entry");
  import_cmd->add_flag("--json", options->json, "print JSON");
  import_cmd->callback([&context, options, import_args] { import_file(context, *options, *import_args); });
}

}  // namespace recall::cli
