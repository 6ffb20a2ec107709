// recall serve: loads the reference data into the store if it changed, builds the in-memory indexes,
// and serves the pages and API until SIGINT or SIGTERM.
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "cli/ledger_key.hpp"
#include "core/auth/clock.hpp"
#include "core/base/error.hpp"
#include "core/calendar/date.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"
#include "http/auth/web_auth.hpp"
#include "http/router.hpp"
#include "http/routes/routes.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "http/templates.hpp"
#include "service/outbox_delivery.hpp"
#include "service/petition_service.hpp"
#include "service/public_confirmation_mail.hpp"
#include "service/public_petition_service.hpp"

namespace recall::cli {

namespace {

struct ServeOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;
  std::string clock_file;  // rehearsals and tests only: the clock reads a UTC instant from this file
  MailOptions mail;        // the email outbox (service/outbox_delivery.hpp)
  std::string public_url;  // the site's address in emailed links; default http://ADDRESS:PORT
  std::vector<std::string> trusted_proxies;  // CIDR ranges whose X-Forwarded-For is believed
};

// Closes public petitions whose period has ended every minute, and anonymises old ones at start and
// then daily, on a thread of its own until stopped.
class PublicPetitionUpkeep {
 public:
  explicit PublicPetitionUpkeep(PublicPetitionService& service) : service_(service) {
    thread_ = std::thread([this] { run(); });
  }
  ~PublicPetitionUpkeep() { stop(); }
  PublicPetitionUpkeep(const PublicPetitionUpkeep&) = delete;
  PublicPetitionUpkeep& operator=(const PublicPetitionUpkeep&) = delete;

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wakeup_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    auto next_anonymise = std::chrono::steady_clock::now();  // at start, then daily
    for (;;) {
      try {
        const std::vector<std::int64_t> closed = service_.close_due();
        if (!closed.empty()) spdlog::info("public petitions closed: {}", closed.size());
        if (std::chrono::steady_clock::now() >= next_anonymise) {
          const AnonymisationResult done = service_.anonymise_due();
          if (!done.petition_ids.empty()) {
            spdlog::info("public petitions anonymised: {} ({} signatures)", done.petition_ids.size(),
                         done.signatures_anonymised);
          }
          next_anonymise = std::chrono::steady_clock::now() + std::chrono::hours(24);
        }
      } catch (const std::exception& e) {
        spdlog::error("public petition upkeep failed, will retry: {}", e.what());
      }
      std::unique_lock lock(mutex_);
      if (wakeup_.wait_for(lock, std::chrono::minutes(1), [this] { return stopping_; })) return;
    }
  }

  PublicPetitionService& service_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  std::thread thread_;
};

// "YYYY-MM-DDTHH:MM:SSZ" -> Unix seconds; Error(invalid_input) naming the file otherwise.
std::int64_t parse_utc_instant(std::string_view text, const std::string& file) {
  const auto bad = [&] {
    throw Error(ErrorKind::invalid_input, "the clock file must hold one UTC time like 2019-03-19T10:00:00Z",
                SourceLocation{file, 1, 0, "--clock-file"});
  };
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') bad();
  const auto date = try_parse_iso_date(text.substr(0, 10));
  if (!date) bad();
  int parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    const std::string_view two = text.substr(11 + static_cast<std::size_t>(i) * 3, 2);
    if (two[0] < '0' || two[0] > '9' || two[1] < '0' || two[1] > '9') bad();
    parts[i] = (two[0] - '0') * 10 + (two[1] - '0');
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) bad();
  return std::int64_t{date->time_since_epoch().count()} * 86400 + parts[0] * 3600 + parts[1] * 60 + parts[2];
}

std::int64_t read_clock_file(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!in || !std::getline(in, text)) {
    throw Error(ErrorKind::invalid_input, "cannot read the clock file", SourceLocation{path, 0, 0, "--clock-file"});
  }
  return parse_utc_instant(text, path);
}

// The system clock, or with --clock-file the time in that file, read again on every call so a
// rehearsal or a test can move time by rewriting the file.
Clock make_clock(const ServeOptions& options) {
  if (options.clock_file.empty()) return system_seconds;
  const std::int64_t first = read_clock_file(options.clock_file);  // fail at start, not on the first request
  spdlog::warn("--clock-file {}: the clock reads that file (now {}); for rehearsals and tests only, never a real petition",
               options.clock_file, format_utc_timestamp(first));
  return [path = options.clock_file] { return read_clock_file(path); };
}

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
  const Clock clock = make_clock(options);
  PetitionService petitions(*store, parliament, policies, clock);
  petitions.use_ledger_key(load_or_create_ledger_key(context));
  http::WebAuth auth(*store, clock);

  // Public petitions' intake writes on a connection of its own, so a group commit never holds up a page.
  auto intake_store = open_context_store(context);
  PublicPetitionConfig public_config;
  public_config.site_url = options.public_url.empty()
                               ? fmt::format("http://{}:{}", options.address, options.port)
                               : options.public_url;
  for (const std::string& range : options.trusted_proxies) {
    public_config.trusted_proxies.push_back(public_petition::parse_cidr(range, "--trusted-proxy"));
  }
  // PostgreSQL runs two transactions side by side, so a second connection writes a second batch of
  // signatures while the first commits; SQLite has one writer at a time, and a second would only wait.
  std::unique_ptr<Store> signing_store;
  if (store->backend() == "postgresql") signing_store = open_context_store(context);
  PublicPetitionService public_petitions(*store, *intake_store, parliament, clock, public_config,
                                         signing_store.get());
  public_petitions.start();

  http::Router router(&templates);
  const http::Site site{parliament, policies, calendar, *store, templates, petitions, auth, public_petitions};
  http::add_routes(router, site);
  // Before listening, so bad mail options stop the start. Before each pass the worker writes the
  // confirmation emails signing batches queued into the outbox, a few rows at a time: each is one
  // transaction, which on SQLite the intake's writer waits for.
  const std::unique_ptr<OutboxWorker> outbox = start_outbox_delivery(
      *store, options.mail, clock, [&store, site_url = public_config.site_url](bool delivery_failing) {
        return write_queued_confirmations(*store, site_url, delivery_failing ? 1 : 4);
      });

  http::ServerConfig config;
  config.address = options.address;
  config.port = options.port;
  config.threads = options.threads == 0 ? std::max(2U, std::thread::hardware_concurrency()) : options.threads;
  config.web_root = resources.assets_dir();
  http::Server server(config, router);
  server.start();
  PublicPetitionUpkeep upkeep(public_petitions);
  spdlog::info("Recall is serving http://{}:{}/ with {} policies", options.address, server.port(),
               policies.size());

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("signal {} received: stopping", received);
  upkeep.stop();
  server.stop();
  server.wait();
  public_petitions.stop();  // after the server: requests still queued are answered, nothing new comes
  if (outbox) outbox->stop();  // after the server: no request can enqueue any more; what is left stays queued
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand("serve", "Serve the pages and the JSON API");
  command->add_option("--address", options->address, "address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "port to listen on")->capture_default_str();
  command->add_option("--threads", options->threads, "I/O threads (default: one per core, at least 2)");
  command->add_option("--public-url", options->public_url,
                      "the site's public address, for links in emails (default http://ADDRESS:PORT)");
  command->add_option("--trusted-proxy", options->trusted_proxies,
                      "a reverse proxy (address or CIDR range, repeatable) whose X-Forwarded-For names the "
                      "signer, for public petitions' rate limits");
  command->add_option("--clock-file", options->clock_file,
                      "rehearsals and tests only: read the time (UTC, YYYY-MM-DDTHH:MM:SSZ) from this file on every call");
  command->add_option("--smtp-url", options->mail.smtp_url,
                      "deliver the email outbox through this SMTP server (smtp://host:port or smtps://host:port)");
  command->add_option("--mail-from", options->mail.mail_from, "sender address of the emails (with --smtp-url)");
  command->add_option("--smtp-user", options->mail.smtp_user,
                      "SMTP user name; the password is read from RECALL_SMTP_PASSWORD");
  command->add_flag("--smtp-require-tls", options->mail.smtp_require_tls,
                    "send only over TLS (STARTTLS or smtps://)");
  command->callback([&context, options] { serve(context, *options); });
}

}  // namespace recall::cli
