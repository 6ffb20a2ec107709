// recall petition places add|list|update, allocation show|move, notices ID --out FILE.html
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/petition/elector_notices_html.hpp"
#include "cli/petition/opening_hours_text.hpp"
#include "cli/petition/petition_json.hpp"
#include "cli/petition/petition_subcommands.hpp"
#include "core/base/error.hpp"

namespace recall::cli {

namespace {

struct PlaceArgs {
  std::int64_t petition = 0;
  std::int64_t place = 0;  // update only
  std::string name;
  std::string address;  // lines separated by "\n" or by " | "
  std::string postcode;
  std::string hours = "Mon-Fri 09:00-17:00";
};

struct MoveArgs {
  std::int64_t petition = 0;
  std::string district;
  std::int64_t place = 0;
};

// " | " in a typed address separates lines, as a shell makes newlines awkward.
std::string address_lines(std::string text) {
  for (auto at = text.find(" | "); at != std::string::npos; at = text.find(" | ")) text.replace(at, 3, "\n");
  return text;
}

SigningPlace place_from(const PlaceArgs& args) {
  SigningPlace place;
  place.id = args.place;
  place.petition_id = args.petition;
  place.name = args.name;
  place.address = address_lines(args.address);
  place.postcode = args.postcode;
  place.hours = parse_opening_hours(args.hours);
  return place;
}

void add_place(const CommandContext& context, const PetitionOptions& options, const PlaceArgs& args) {
  const SigningPlace place = place_from(args);
  auto world = open_petition_world(context, options);
  const std::int64_t id = world->service->add_place(world->officer, place);
  std::cout << fmt::format("Added signing place {} ({}) to petition {}; districts reallocated.\n", id,
                           place.name, args.petition);
}

void update_place(const CommandContext& context, const PetitionOptions& options, const PlaceArgs& args,
                  const CLI::App& command) {
  auto world = open_petition_world(context, options);
  // Only what was given changes; the rest stays as stored.
  SigningPlace place;
  bool found = false;
  for (const SigningPlace& existing : world->service->places(args.petition)) {
    if (existing.id == args.place) {
      place = existing;
      found = true;
    }
  }
  if (!found)
    throw Error(ErrorKind::not_found,
                fmt::format("petition {} has no signing place {}", args.petition, args.place));
  if (command.count("--name") > 0) place.name = args.name;
  if (command.count("--address") > 0) place.address = address_lines(args.address);
  if (command.count("--postcode") > 0) place.postcode = args.postcode;
  if (command.count("--hours") > 0) place.hours = parse_opening_hours(args.hours);
  world->service->update_place(world->officer, place);
  std::cout << fmt::format("Updated signing place {}: {}.\n", place.id, describe_opening_hours(place.hours));
}

void list_places(const CommandContext& context, const PetitionOptions& options, std::int64_t petition) {
  auto world = open_petition_world(context, options);
  const auto places = world->service->places(petition);
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& place : places) out.push_back(to_json(place));
    return print_json(out);
  }
  if (places.empty()) std::cout << "no signing places\n";
  for (const auto& place : places) {
    std::cout << fmt::format("{:>4}  {:<36}  {:<9}  {}\n", place.id, place.name, place.postcode,
                             describe_opening_hours(place.hours));
  }
}

void show_allocation(const CommandContext& context, const PetitionOptions& options, std::int64_t petition) {
  auto world = open_petition_world(context, options);
  const Allocation allocation = world->service->allocation(world->officer, petition);
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [district, place] : allocation) out[district] = place;
    return print_json(out);
  }
  if (allocation.empty()) std::cout << "no districts allocated (add a signing place first)\n";
  for (const auto& [district, place] : allocation)
    std::cout << fmt::format("{:<4} -> place {}\n", district, place);
}

void move(const CommandContext& context, const PetitionOptions& options, const MoveArgs& args) {
  auto world = open_petition_world(context, options);
  world->service->move_district(world->officer, args.petition, args.district, args.place);
  std::cout << fmt::format("Polling district {} now signs at place {}.\n", args.district, args.place);
}

void notices(const CommandContext& context, const PetitionOptions& options, std::int64_t petition,
             const std::string& out_file) {
  auto world = open_petition_world(context, options);
  const Petition staff_view = world->service->petition_for_staff(world->officer, petition);
  const auto list = world->service->elector_notices(world->officer, petition);
  std::ofstream out(out_file, std::ios::binary);
  if (!out)
    throw Error(ErrorKind::invalid_input, fmt::format("cannot write {}", out_file),
                SourceLocation{out_file, 0, 0, "--out"});
  write_elector_notices_html(out, staff_view, list);
  out.close();
  if (!out) throw Error(ErrorKind::unavailable, fmt::format("writing {} failed", out_file));
  std::cout << fmt::format("Wrote {} notices to {}.\n", list.size(), out_file);
}

}  // namespace

void add_petition_place_commands(CLI::App& petition, CommandContext& context, const SharedOptions& options) {
  auto* places = petition.add_subcommand("places", "Signing places (s.7)");
  places->require_subcommand(1);
  const std::string hours_help =
      "opening hours, e.g. \"Mon-Fri 09:00-17:00,Tue 07:00-17:00,Thu 09:00-22:00\" (later items replace "
      "earlier days)";

  auto add_args = std::make_shared<PlaceArgs>();
  auto* add = places->add_subcommand("add", "Add a signing place (only before signing opens)");
  add->add_option("ID", add_args->petition, "the petition's number")->required();
  add->add_option("--name", add_args->name, "e.g. \"Peterborough Town Hall\"")->required();
  add->add_option("--address", add_args->address, "address lines separated by \" | \"")->required();
  add->add_option("--postcode", add_args->postcode, "the place's postcode")->required();
  add->add_option("--hours", add_args->hours, hours_help)->capture_default_str();
  add->callback([&context, options, add_args] { add_place(context, *options, *add_args); });

  auto update_args = std::make_shared<PlaceArgs>();
  auto* update = places->add_subcommand("update", "Change a signing place's details or hours");
  update->add_option("ID", update_args->petition, "the petition's number")->required();
  update->add_option("--place", update_args->place, "the place's number")->required();
  update->add_option("--name", update_args->name, "new name");
  update->add_option("--address", update_args->address, "new address, lines separated by \" | \"");
  update->add_option("--postcode", update_args->postcode, "new postcode");
  update->add_option("--hours", update_args->hours, hours_help);
  update->callback(
      [&context, options, update_args, update] { update_place(context, *options, *update_args, *update); });

  auto list_id = std::make_shared<std::int64_t>(0);
  auto* list = places->add_subcommand("list", "List the signing places and their hours");
  list->add_option("ID", *list_id, "the petition's number")->required();
  list->add_flag("--json", options->json, "print JSON");
  list->callback([&context, options, list_id] { list_places(context, *options, *list_id); });

  auto* allocation = petition.add_subcommand("allocation", "Which signing place each polling district uses");
  allocation->require_subcommand(1);
  auto show_id = std::make_shared<std::int64_t>(0);
  auto* show = allocation->add_subcommand("show", "Polling district -> place");
  show->add_option("ID", *show_id, "the petition's number")->required();
  show->add_flag("--json", options->json, "print JSON");
  show->callback([&context, options, show_id] { show_allocation(context, *options, *show_id); });
  auto move_args = std::make_shared<MoveArgs>();
  auto* move_cmd =
      allocation->add_subcommand("move", "Send a polling district to another place (before signing opens)");
  move_cmd->add_option("ID", move_args->petition, "the petition's number")->required();
  move_cmd->add_option("--district", move_args->district, "polling district letters, e.g. PA")->required();
  move_cmd->add_option("--place", move_args->place, "the place's number")->required();
  move_cmd->callback([&context, options, move_args] { move(context, *options, *move_args); });

  auto notice_id = std::make_shared<std::int64_t>(0);
  auto out_file = std::make_shared<std::string>();
  auto* notices_cmd = petition.add_subcommand(
      "notices", "Write every elector's notice of their signing place as printable HTML");
  notices_cmd->add_option("ID", *notice_id, "the petition's number")->required();
  notices_cmd->add_option("--out", *out_file, "the HTML file to write")->required();
  notices_cmd->callback(
      [&context, options, notice_id, out_file] { notices(context, *options, *notice_id, *out_file); });
}

}  // namespace recall::cli
