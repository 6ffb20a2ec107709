// recall data load | recall data postcodes FILE
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "cli/postcode_import.hpp"

namespace recall::cli {

namespace {

void load_data(const CommandContext& context, bool force) {
  const Resources resources = find_resources(context.home);
  auto store = open_context_store(context);
  const ReferenceLoad load = sync_reference_data(*store, resources, force);
  if (load.changed) {
    std::cout << fmt::format("Loaded {} constituencies, {} MPs and {} example postcodes into {} (digest {}).\n",
                             load.constituencies, load.members, load.postcodes, store->backend(),
                             load.digest.substr(0, 12));
  } else {
    std::cout << fmt::format("Reference data unchanged (digest {}); nothing to do. Use --force to reload.\n",
                             load.digest.substr(0, 12));
  }
}

}  // namespace

void add_data_commands(CLI::App& app, CommandContext& context) {
  auto* data = app.add_subcommand("data", "Reference data: constituencies, MPs, party history, postcodes");
  data->require_subcommand(1);

  auto force = std::make_shared<bool>(false);
  auto* load = data->add_subcommand("load", "Load (or reload) the reference data from data/ into the database");
  load->add_flag("--force", *force, "reload even when the files have not changed");
  load->callback([&context, force] { load_data(context, *force); });

  auto file = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto* postcodes = data->add_subcommand(
      "postcodes", "Import a postcode directory (ONS Postcode Directory, NSPL or Code-Point Open columns)");
  postcodes->add_option("FILE", *file, "the CSV file")->required()->check(CLI::ExistingFile);
  postcodes->add_flag("--quiet", *quiet, "no progress bar");
  postcodes->callback([&context, file, quiet] { import_postcodes(context, *file, !*quiet); });
}

}  // namespace recall::cli
