// recall serve: loads the reference data into the store if it changed, builds the in-memory indexes,
// and serves the pages and API until SIGINT or SIGTERM.
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"
#include "http/router.hpp"
#include "http/routes/routes.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "http/templates.hpp"

namespace recall::cli {

namespace {

struct ServeOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;
};

// Signals are blocked in every thread and taken synchronously here, so no handler runs in the
// middle of a request and shutdown happens on an ordinary thread.
sigset_t block_shutdown_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void serve(const CommandContext& context, const ServeOptions& options) {
  const sigset_t signals = block_shutdown_signals();
  const Resources resources = find_resources(context.home);
  auto store = open_context_store(context);
  const ReferenceLoad load = sync_reference_data(*store, resources, false);
  spdlog::info("store {} (schema {}); reference data {} ({} constituencies, {} MPs)", store->backend(),
               store->schema_version(), load.changed ? "loaded" : "unchanged", load.constituencies, load.members);

  auto reference = store->reference().load_reference_data();
  if (!reference) throw Error(ErrorKind::internal, "the store holds no reference data after loading it");
  const Parliament parliament(std::move(*reference));
  const PolicySet policies = PolicySet::load_directory(resources.policies_dir());
  const ParliamentCalendar calendar = ParliamentCalendar::load(resources.data_dir() / "parliaments.yaml");
  const http::Templates templates(resources.templates_dir());

  http::Router router(&templates);
  const http::Site site{parliament, policies, calendar, *store, templates};
  http::add_routes(router, site);

  http::ServerConfig config;
  config.address = options.address;
  config.port = options.port;
  config.threads = options.threads == 0 ? std::max(2U, std::thread::hardware_concurrency()) : options.threads;
  config.web_root = resources.assets_dir();
  http::Server server(config, router);
  server.start();
  spdlog::info("Recall is serving http://{}:{}/ with {} policies", options.address, server.port(),
               policies.size());

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("signal {} received: stopping", received);
  server.stop();
  server.wait();
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand("serve", "Serve the pages and the JSON API");
  command->add_option("--address", options->address, "address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "port to listen on")->capture_default_str();
  command->add_option("--threads", options->threads, "I/O threads (default: one per core, at least 2)");
  command->callback([&context, options] { serve(context, *options); });
}

}  // namespace recall::cli
