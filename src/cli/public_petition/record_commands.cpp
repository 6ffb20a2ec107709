// recall public-petition create | list | show
#include <algorithm>
#include <iostream>
#include <iterator>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/environment.hpp"
#include "cli/public_petition/public_petition_json.hpp"
#include "cli/public_petition/public_petition_subcommands.hpp"
#include "core/auth/clock.hpp"
#include "service/email_public_petition.hpp"

namespace recall::cli {

namespace {

using public_petition::PublicPetitionState;

struct CreateArgs {
  std::string action;
  std::string background;
  std::string details;
  std::string mp;
  std::string constituency;
  std::string creator_name;
  std::string creator_email;
  std::string creator_postcode;
  bool creator_uk_resident = false;
};

struct ListArgs {
  std::string state;
  int limit = 100;
};

// Form fields as the service names them -> the options typed here.
const std::map<std::string, std::string, std::less<>> create_options = {
    {"action", "--action"},
    {"background", "--background"},
    {"details", "--details"},
    {"mp", "--mp"},
    {"member_id", "--mp"},
    {"constituency", "--constituency"},
    {"ons_code", "--constituency"},
    {"name", "--creator-name"},
    {"email", "--creator-email"},
    {"postcode", "--creator-postcode"},
    {"uk_resident", "--creator-uk-resident"},
};

void create(const CommandContext& context, const PublicPetitionOptions& options, const CreateArgs& args) {
  NewPetitionForm form;
  form.action = args.action;
  form.background = args.background;
  form.details = args.details;
  form.member_id = args.mp;
  form.ons_code = args.constituency;
  form.creator = SignerForm{args.creator_name, args.creator_email, args.creator_postcode, args.creator_uk_resident};
  auto world = open_public_petition_world(context, options);
  // The command line has no peer address; loopback stands for "typed at this machine".
  const CreatedPetition created = with_option_names(create_options, [&] {
    return world->service->create(form, public_petition::parse_ip_address("127.0.0.1"));
  });
  const std::string link = sponsor_link(world->service->config().site_url, created.id, created.sponsor_token);
  if (options.json) {
    return print_json({{"id", created.id},
                       {"state", "collecting-sponsors"},
                       {"sponsor_token", created.sponsor_token},
                       {"sponsor_link", link}});
  }
  std::cout << fmt::format("Created public petition {} (collecting sponsors).\n", created.id)
            << fmt::format("Sponsor token: {}\n", created.sponsor_token)
            << fmt::format("Share the sponsor link: {}\n", link)
            << fmt::format("A confirmation email to {} is queued; the creator's signature counts once confirmed.\n",
                           args.creator_email);
}

std::vector<PublicPetitionState> states_to_list(const std::string& state) {
  if (state.empty()) {
    return {PublicPetitionState::collecting_sponsors, PublicPetitionState::sponsored, PublicPetitionState::open,
            PublicPetitionState::closed,  PublicPetitionState::rejected,  PublicPetitionState::hidden};
  }
  const auto parsed = public_petition::parse_public_petition_state(state);
  if (!parsed) {
    bad_public_option("--state", fmt::format("\"{}\" is not a state: collecting-sponsors, sponsored, open, closed, "
                                             "rejected or hidden",
                                             state));
  }
  return {*parsed};
}

void list(const CommandContext& context, const PublicPetitionOptions& options, const ListArgs& args) {
  if (args.limit < 1 || args.limit > 1000) bad_public_option("--limit", "give a number from 1 to 1000");
  const std::vector<PublicPetitionState> states = states_to_list(args.state);
  auto store = open_context_store(context);  // no reference data: the list names no constituency
  std::vector<PublicPetitionRecord> records;
  for (const PublicPetitionState state : states) {
    auto page = store->public_petitions().list_petitions(state, PetitionPage{std::nullopt, args.limit});
    records.insert(records.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
  }
  std::sort(records.begin(), records.end(),
            [](const auto& a, const auto& b) { return a.petition.id > b.petition.id; });  // newest first
  if (records.size() > static_cast<std::size_t>(args.limit)) records.resize(static_cast<std::size_t>(args.limit));
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& record : records) out.push_back(to_json(record));
    return print_json(out);
  }
  if (records.empty()) std::cout << "no public petitions\n";
  for (const auto& record : records) {
    const auto& p = record.petition;
    std::cout << fmt::format("{:>5}  {:<19}  {:>2} sponsors  {}\n", p.id, to_string(p.state), p.sponsor_count,
                             p.text.action);
  }
}

std::string target_text(const public_petition::PetitionTarget& target, const Parliament& parliament) {
  std::string out;
  if (target.ons_code) {
    const Constituency* constituency = parliament.constituency(*target.ons_code);
    out = fmt::format("{} ({})", constituency ? constituency->name : "unknown constituency", *target.ons_code);
  }
  if (target.member_id) {
    const Member* member = parliament.member(*target.member_id);
    out += fmt::format("{}MP {} ({})", out.empty() ? "" : ", ", member ? member->name : "unknown", *target.member_id);
  }
  return out.empty() ? "none" : out;
}

void print_petition(const PublicPetitionRecord& record, const Parliament& parliament) {
  const auto& p = record.petition;
  std::cout << fmt::format("Public petition {}: {}\n", p.id, to_string(p.state))
            << fmt::format("  Action       {}\n", p.text.action)
            << fmt::format("  Background   {}\n", p.text.background);
  if (!p.text.details.empty()) std::cout << fmt::format("  Details      {}\n", p.text.details);
  std::cout << fmt::format("  Target       {}\n", target_text(p.target, parliament))
            << fmt::format("  Created      {}\n", format_utc_timestamp(p.created_at))
            << fmt::format("  Sponsors     {}{}\n", p.sponsor_count,
                           p.sponsored_at ? ", sent to moderation " + format_utc_timestamp(*p.sponsored_at) : "");
  if (p.opened_at) std::cout << fmt::format("  Opened       {}\n", format_utc_timestamp(*p.opened_at));
  if (p.closes_at && !p.closed_at) {
    std::cout << fmt::format("  Closes       {}\n", format_utc_timestamp(*p.closes_at));
  }
  if (p.closed_at) std::cout << fmt::format("  Closed       {}\n", format_utc_timestamp(*p.closed_at));
  if (p.moderation) {
    std::cout << fmt::format("  Moderation   {} on {}{}\n", to_string(p.moderation->reason),
                             format_utc_timestamp(p.moderation->decided_at),
                             p.moderation->note.empty() ? "" : ": " + p.moderation->note);
  }
  for (const auto& mark : p.thresholds) {
    std::cout << fmt::format("  Threshold    {} {}\n", mark.signatures,
                             mark.reached_at ? "reached " + format_utc_timestamp(*mark.reached_at) : "not reached");
  }
  if (record.anonymised_at) {
    std::cout << fmt::format("  Anonymised   {}\n", format_utc_timestamp(*record.anonymised_at));
  }
}

void print_counts(const nlohmann::ordered_json& counts) {
  std::cout << fmt::format("  Signatures   {} counted (confirmed, not suspect), {} without a constituency\n",
                           counts.at("signature_count").get<std::int64_t>(),
                           counts.at("unallocated").get<std::int64_t>());
  std::string nations;
  for (const auto& nation : counts.at("signatures_by_nation")) {
    nations += fmt::format("{}{} {}", nations.empty() ? "" : ", ", nation.at("name").get<std::string>(),
                           nation.at("signature_count").get<std::int64_t>());
  }
  std::cout << fmt::format("  By nation    {}\n", nations);
  // Most signatures first: the constituencies a moderator looks at.
  std::vector<nlohmann::ordered_json> rows(counts.at("signatures_by_constituency").begin(),
                                           counts.at("signatures_by_constituency").end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.at("signature_count").template get<std::int64_t>() > b.at("signature_count").template get<std::int64_t>();
  });
  for (const auto& row : rows) {
    std::cout << fmt::format("    {:<9}  {:<40}  {:>8}\n", row.at("ons_code").get<std::string>(),
                             row.at("name").get<std::string>(), row.at("signature_count").get<std::int64_t>());
  }
}

void show(const CommandContext& context, const PublicPetitionOptions& options, std::int64_t id) {
  auto reader = open_public_petition_reader(context);
  const auto record = reader.store->public_petitions().find_petition(id);
  if (!record) throw Error(ErrorKind::not_found, fmt::format("there is no public petition {}", id));
  // The CLI holds no server's memory: the counts are the store's GROUP BY, the one definition of a
  // counted signature (`recall public-petition recount` proves memory and rows agree with it).
  const auto counts = counts_to_json(reader.store->public_petitions().count_by_constituency(id), reader.parliament);
  if (options.json) {
    nlohmann::ordered_json out = to_json(*record);
    out["counts"] = counts;
    return print_json(out);
  }
  print_petition(*record, reader.parliament);
  print_counts(counts);
}

}  // namespace

void add_public_petition_record_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options) {
  auto args = std::make_shared<CreateArgs>();
  auto* create_cmd = group.add_subcommand(
      "create", "Create a petition (collecting sponsors); prints its id and the sponsor link's token");
  create_cmd->add_option("--action", args->action, "what it asks for, up to 80 characters")->required();
  create_cmd->add_option("--background", args->background, "why, up to 300 characters")->required();
  create_cmd->add_option("--details", args->details, "more about it, up to 800 characters");
  create_cmd->add_option("--mp", args->mp, "the MP it is about: member id, e.g. 2017-E14000878");
  create_cmd->add_option("--constituency", args->constituency, "or the constituency: ONS code, e.g. E14000878");
  create_cmd->add_option("--creator-name", args->creator_name, "the creator, who signs first")->required();
  create_cmd->add_option("--creator-email", args->creator_email, "where the confirmation email goes")->required();
  create_cmd->add_option("--creator-postcode", args->creator_postcode, "the creator's postcode")->required();
  create_cmd->add_flag("--creator-uk-resident", args->creator_uk_resident,
                       "the creator is a UK resident or British citizen (required to sign)");
  create_cmd->add_flag("--json", options->json, "print JSON");
  create_cmd->callback([&context, options, args] { create(context, *options, *args); });

  auto list_args = std::make_shared<ListArgs>();
  auto* list_cmd = group.add_subcommand("list", "List petitions, newest first");
  list_cmd->add_option("--state", list_args->state,
                       "only this state: collecting-sponsors, sponsored (the moderation queue), open, closed, "
                       "rejected, hidden");
  list_cmd->add_option("--limit", list_args->limit, "at most this many")->capture_default_str();
  list_cmd->add_flag("--json", options->json, "print JSON");
  list_cmd->callback([&context, options, list_args] { list(context, *options, *list_args); });

  auto id = std::make_shared<std::int64_t>(0);
  auto* show_cmd = group.add_subcommand("show", "A petition and its counts from the store");
  show_cmd->add_option("ID", *id, "the petition's number")->required();
  show_cmd->add_flag("--json", options->json, "print JSON");
  show_cmd->callback([&context, options, id] { show(context, *options, *id); });
}

}  // namespace recall::cli
