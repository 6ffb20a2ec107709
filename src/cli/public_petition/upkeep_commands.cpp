// recall public-petition close-due | anonymise: the upkeep `recall serve` also runs on its own (closing
// every minute, anonymising at start and daily), for a deployment that runs no server for a while, and
// for rehearsals with --now.
#include <iostream>
#include <memory>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/public_petition/public_petition_subcommands.hpp"

namespace recall::cli {

namespace {

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const std::int64_t id : ids) out += fmt::format("{}{}", out.empty() ? "" : ", ", id);
  return out;
}

// Open petitions whose closing time has passed at `now`, read before the service starts (its start
// closes them, and would leave close_due() nothing to name).
std::vector<std::int64_t> open_and_due(Store& store, std::int64_t now) {
  std::vector<std::int64_t> due;
  PetitionPage page{std::nullopt, 1000};
  for (;;) {
    const auto records = store.public_petitions().list_petitions(public_petition::PublicPetitionState::open, page);
    for (const auto& record : records) {
      if (record.petition.closes_at && *record.petition.closes_at <= now) due.push_back(record.petition.id);
    }
    if (records.size() < static_cast<std::size_t>(page.limit)) break;
    page.before_id = records.back().petition.id;
  }
  return due;
}

void close_due(const CommandContext& context, const PublicPetitionOptions& options) {
  const std::vector<std::int64_t> due = open_and_due(*open_public_petition_reader(context).store,
                                                     public_petition_clock(options)());
  auto world = open_public_petition_world(context, options);
  std::set<std::int64_t> closed(due.begin(), due.end());
  for (const std::int64_t id : world->service->close_due()) closed.insert(id);
  std::erase_if(closed, [&](std::int64_t id) {  // only what the store now holds as closed
    const auto record = world->store->public_petitions().find_petition(id);
    return !record || record->petition.state != public_petition::PublicPetitionState::closed;
  });
  const std::vector<std::int64_t> ids(closed.begin(), closed.end());
  if (options.json) return print_public_json({{"closed", ids}});
  if (ids.empty()) {
    std::cout << "No open petition is past its closing time.\n";
  } else {
    std::cout << fmt::format("Closed public petition{} {}.\n", ids.size() == 1 ? "" : "s", id_list(ids));
  }
}

void anonymise(const CommandContext& context, const PublicPetitionOptions& options) {
  if (options.anonymise_after_months < 1 || options.anonymise_after_months > 120) {
    bad_public_option("--after-months", "give a number of months from 1 to 120");
  }
  auto world = open_public_petition_world(context, options);
  const AnonymisationResult result = world->service->anonymise_due();
  if (options.json) {
    return print_public_json({{"petitions", result.petition_ids},
                              {"signatures_anonymised", result.signatures_anonymised},
                              {"pending_deleted", result.pending_deleted}});
  }
  if (result.petition_ids.empty()) {
    std::cout << fmt::format("No petition is due: personal data goes {} months after a petition closes, is "
                             "rejected or is hidden.\n",
                             world->service->config().anonymise_after_months);
    return;
  }
  std::cout << fmt::format("Anonymised public petition{} {}: personal data removed from {} signatures, {} "
                           "unconfirmed signatures deleted; counts kept.\n",
                           result.petition_ids.size() == 1 ? "" : "s", id_list(result.petition_ids),
                           result.signatures_anonymised, result.pending_deleted);
}

}  // namespace

void add_public_petition_upkeep_commands(CLI::App& group, CommandContext& context, const SharedPublicOptions& options) {
  auto* close_cmd = group.add_subcommand("close-due", "Close every open petition past its closing time");
  close_cmd->add_option("--now", options->now, "REHEARSALS ONLY: act as if the UTC time were 2019-09-21T00:00:00Z");
  close_cmd->add_flag("--json", options->json, "print JSON");
  close_cmd->callback([&context, options] { close_due(context, *options); });

  auto* anonymise_cmd = group.add_subcommand(
      "anonymise", "Remove the personal data of petitions closed, rejected or hidden long enough ago");
  anonymise_cmd->add_option("--now", options->now, "REHEARSALS ONLY: act as if the UTC time were this");
  anonymise_cmd->add_option("--after-months", options->anonymise_after_months,
                            "months after the close (as serve's setting)")
      ->capture_default_str();
  anonymise_cmd->add_flag("--json", options->json, "print JSON");
  anonymise_cmd->callback([&context, options] { anonymise(context, *options); });
}

}  // namespace recall::cli
