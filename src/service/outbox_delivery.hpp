#pragma once
// How `recall serve` turns its mail options into a running outbox worker (or a single log line
// saying email stays queued), kept here so the serve command needs only a few lines for it.
#include <memory>
#include <string>

#include "core/auth/clock.hpp"
#include "service/outbox_worker.hpp"
#include "store/store.hpp"

namespace recall {

struct MailOptions {
  std::string smtp_url;    // --smtp-url smtp://host:port (or smtps://); empty: no delivery
  std::string mail_from;   // --mail-from, required with --smtp-url
  std::string smtp_user;   // --smtp-user; the password comes from RECALL_SMTP_PASSWORD, never the command line
  bool smtp_require_tls = false;  // --smtp-require-tls
};

// With an SMTP URL: checks the options (Error(invalid_input) naming "smtp_url" or "mail_from"), starts the
// worker and returns it (stop it, or let it go, on shutdown). Without: logs once that email stays
// queued in the outbox and returns nullptr. `prepare` runs before each pass (OutboxWorker).
std::unique_ptr<OutboxWorker> start_outbox_delivery(Store& store, const MailOptions& options, Clock clock,
                                                    PreparePass prepare = {});

}  // namespace recall
