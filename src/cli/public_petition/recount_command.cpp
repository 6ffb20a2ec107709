// recall public-petition recount ID [--repair] [--server URL]: proves a petition's counts. The
// service's recount compares its memory, the store's GROUP BY and every signature row read one by
// one with the core's rule. In this process the memory was just rebuilt from the store, so the
// comparison that can find real drift is with a running server's memory: --server reads its
// count.json and compares constituency by constituency. --repair notes the petition in the store's
// change log, which a running server follows (it rebuilds the counts from the store within about a
// second), so with --server the command waits for the server to agree. Exit 7 (as `recall verify`)
// when drift remains.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/public_petition/count_comparison.hpp"
#include "cli/public_petition/public_petition_subcommands.hpp"
#include "cli/public_petition/server_counts.hpp"

namespace recall::cli {

namespace {

struct RecountArgs {
  std::int64_t id = 0;
  bool repair = false;
  std::string server;
};

bool same_counts(const ServerCounts& a, const ServerCounts& b) {
  return a.total == b.total && a.by_constituency == b.by_constituency;
}

// The server's counts, read again until two reads around the store's agree: a petition taking
// signatures moves between reads, and a difference then would be timing, not drift.
struct ServerReading {
  ServerCounts counts;
  bool settled = true;
};

template <typename ReadStore>
ServerReading read_server_around(const std::string& server, std::int64_t id, ReadStore read_store) {
  constexpr int attempts = 5;
  ServerReading reading;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    const ServerCounts before = fetch_server_counts(server, id);
    read_store();
    reading.counts = fetch_server_counts(server, id);
    reading.settled = same_counts(before, reading.counts);
    if (reading.settled) break;
  }
  return reading;
}

// Whether two sets of counts differ in any constituency (unallocated included).
bool differ(const std::vector<public_petition::ConstituencyCount>& a,
            const std::vector<public_petition::ConstituencyCount>& b) {
  return compare_counts({{"", "", a}, {"", "", b}}).drift();
}

// After a repair: the server's counts once they equal the store's, or as they are after `patience`.
// A running server follows the change log about once a second.
ServerCounts wait_for_server(const std::string& server, std::int64_t id, const RecountReport& report,
                             ServerCounts counts) {
  constexpr auto patience = std::chrono::seconds(10);
  const auto give_up = std::chrono::steady_clock::now() + patience;
  while (differ(report.grouped, counts.by_constituency) && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    counts = fetch_server_counts(server, id);
  }
  return counts;
}

void recount(const CommandContext& context, const PublicPetitionOptions& options, const RecountArgs& args) {
  auto world = open_public_petition_world(context, options);
  RecountReport report;
  const auto read_store = [&] { report = world->service->recount(args.id, args.repair, world->moderator); };
  ServerReading server;
  if (args.server.empty()) {
    read_store();
  } else {
    server = read_server_around(args.server, args.id, read_store);
  }
  // What the server showed before the repair reached it: drift it had, now being repaired.
  std::optional<ServerCounts> before_repair;
  if (report.repaired && !args.server.empty() && differ(report.grouped, server.counts.by_constituency)) {
    before_repair = server.counts;
    server.counts = wait_for_server(args.server, args.id, report, server.counts);
  }

  std::vector<CountSource> sources = {
      {"store GROUP BY", "group_by", report.grouped},
      {"signature rows read one by one", "rows", report.scanned},
  };
  // Rebuilt from the store when this command started: shown only if it does not agree.
  const bool memory_drift = differ(report.grouped, report.in_memory);
  if (memory_drift) sources.push_back({"memory of this command", "memory", report.in_memory});
  if (!args.server.empty()) sources.push_back({"server " + server.counts.url, "server", server.counts.by_constituency});
  const CountComparison comparison = compare_counts(sources);
  const bool store_drift = compare_counts({sources[0], sources[1]}).drift();
  const bool server_drift =
      !args.server.empty() && compare_counts({sources.front(), sources.back()}).drift();
  // What is still wrong when the command ends: --repair rebuilds this process's memory and, through
  // the change log, a running server's (waited for above); the store is not repaired from here.
  const bool drift_remains = store_drift || server_drift || (memory_drift && !report.repaired);

  if (options.json) {
    nlohmann::ordered_json out = comparison_to_json(sources, comparison, world->parliament);
    out = nlohmann::ordered_json{{"id", args.id}, {"drift", comparison.drift()}, {"repaired", report.repaired},
                                 {"server_settled", server.settled}, {"totals", out.at("totals")},
                                 {"differences", out.at("differences")}};
    if (before_repair) out["server_total_before_repair"] = before_repair->total;
    print_json(out);
  } else {
    std::cout << fmt::format("Recount of public petition {}\n", args.id)
              << format_comparison(sources, comparison, world->parliament);
    if (!server.settled) {
      std::cout << "The server's counts moved while they were read (signatures arriving); differences may be "
                   "timing. Run the recount again when the petition is quiet.\n";
    }
    if (report.repaired) std::cout << "Repaired: memory rebuilt from the store and thresholds marked.\n";
    if (before_repair && !server_drift) {
      std::cout << fmt::format("The server had drifted (total {}) and has rebuilt its counts from the store since "
                               "the repair.\n",
                               before_repair->total);
    }
    if (store_drift) {
      std::cout << "The store's GROUP BY and its rows disagree: the database itself is inconsistent (a damaged\n"
                   "index?). Nothing here can repair that; check the database.\n";
    }
    if (server_drift && report.repaired) {
      std::cout << "The server's memory still differs from the store, which is the truth, 10 seconds after the\n"
                   "repair: a running server follows a repair within about a second, so check it is this\n"
                   "database's server and up to date, or restart it (it rebuilds its counts from the store).\n";
    } else if (server_drift) {
      std::cout << "The server's memory differs from the store, which is the truth. Run this again with --repair\n"
                   "(a running server follows it within about a second), restart the server (it rebuilds its\n"
                   "counts from the store) or use Recount and repair on its moderation page\n"
                   "(/moderation/petitions/" << args.id << ").\n";
    }
  }
  if (drift_remains) throw CLI::RuntimeError(verification_failed_exit_code);
}

}  // namespace

void add_public_petition_recount_command(CLI::App& group, CommandContext& context, const SharedPublicOptions& options) {
  auto args = std::make_shared<RecountArgs>();
  auto* recount_cmd = group.add_subcommand(
      "recount", "Prove a petition's counts: the store's GROUP BY, every signature row, and with --server a "
                 "running server's memory, constituency by constituency (exit 7 on drift)");
  recount_cmd->add_option("ID", args->id, "the petition's number")->required();
  recount_cmd->add_flag("--repair", args->repair,
                        "rebuild the counts in memory from the store and mark thresholds; a running server follows");
  recount_cmd->add_option("--server", args->server,
                          "also compare a running server's count.json, e.g. http://127.0.0.1:8080");
  recount_cmd->add_flag("--json", options->json, "print JSON");
  recount_cmd->callback([&context, options, args] { recount(context, *options, *args); });
}

}  // namespace recall::cli
