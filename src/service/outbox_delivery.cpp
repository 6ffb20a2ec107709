#include "service/outbox_delivery.hpp"

#include <cstdlib>
#include <utility>

#include <spdlog/spdlog.h>

#include "service/smtp_sender.hpp"

namespace recall {

std::unique_ptr<OutboxWorker> start_outbox_delivery(Store& store, const MailOptions& options, Clock clock,
                                                    PreparePass prepare) {
  if (options.smtp_url.empty()) {
    spdlog::warn("no --smtp-url: email (one-time codes, receipts) stays queued in the outbox until the server runs "
                 "with one");
    return nullptr;
  }
  SmtpConfig config;
  config.url = options.smtp_url;
  config.from = options.mail_from;
  config.username = options.smtp_user;
  if (const char* password = std::getenv("RECALL_SMTP_PASSWORD")) config.password = password;
  config.require_tls = options.smtp_require_tls;
  auto sender = std::make_shared<const SmtpSender>(std::move(config));  // checks the URL and sender
  // Public petitions can queue thousands of confirmation emails a second in a surge: large passes,
  // back to back while they come out full (the SMTP server's own pace is then the limit).
  OutboxPolicy policy;
  policy.batch = 500;
  auto worker = std::make_unique<OutboxWorker>(
      store.outbox(),
      [sender](const OutboxMessage& message, std::int64_t now) { sender->send(message, now); },
      std::move(clock), policy, std::move(prepare));
  worker->start();
  spdlog::info("email: delivering the outbox through {} as {}", options.smtp_url, options.mail_from);
  return worker;
}

}  // namespace recall
