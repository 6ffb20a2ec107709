// recall public-petition close-due | anonymise: the upkeep `recall serve` also runs on its own (closing
// every minute, anonymising at start and daily), for a deployment that runs no server for a while, and
// for rehearsals with --now.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/environment.hpp"
#include "cli/public_petition/public_petition_subcommands.hpp"

namespace recall::cli {

namespace {

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const std::int64_t id : ids) out += fmt::format("{}{}", out.empty() ? "" : ", ", id);
  return out;
}

// No service: closing is one UPDATE of the store (what the service does at start and serve's upkeep
// every minute; there is no audit entry), and starting a service would first rebuild every open
// petition's duplicate check and counts for nothing. The change log tells a running server.
void close_due(const CommandContext& context, const PublicPetitionOptions& options) {
  const Clock clock = public_petition_clock(options);  // a bad --now fails before the database is touched
  const auto store = open_context_store(context);
  const std::int64_t now = clock();
  std::vector<std::int64_t> ids;
  store->transaction([&] {
    store->public_petitions().hold_change_log();
    ids = store->public_petitions().close_due_petitions(now);
    store->public_petitions().record_changes("command line: close-due", ids, false, now);
  });
  if (options.json) return print_json({{"closed", ids}});
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
    return print_json({{"petitions", result.petition_ids},
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
                            "months after the close (serve always uses the default)")
      ->capture_default_str();
  anonymise_cmd->add_flag("--json", options->json, "print JSON");
  anonymise_cmd->callback([&context, options] { anonymise(context, *options); });
}

}  // namespace recall::cli
