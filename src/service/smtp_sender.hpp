#pragma once
// Sends one email to an SMTP server with libcurl. No queueing and no retries here: the outbox
// worker (outbox_worker.hpp) decides when to try again.
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include "store/petition_store.hpp"

namespace recall {

struct SmtpConfig {
  std::string url;        // "smtp://host:port" (STARTTLS if offered, or required below) or "smtps://host:port"
  std::string from;       // envelope sender and From: header, a bare address
  std::string username;   // empty: no authentication
  std::string password;
  bool require_tls = false;  // refuse to send unless the connection is encrypted (STARTTLS or smtps)
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds timeout{60};  // the whole conversation

  // A relay that needs no credentials (a local MTA, or the test server).
  static SmtpConfig relay(std::string url, std::string from) {
    SmtpConfig config;
    config.url = std::move(url);
    config.from = std::move(from);
    return config;
  }
};

// Throws Error(invalid_input, field "smtp_url" / "mail_from") for a URL that is not smtp:// or
// smtps:// or a sender that is not a plain address: checked once at start, not at the first email.
void check_smtp_config(const SmtpConfig& config);

class SmtpSender {
 public:
  explicit SmtpSender(SmtpConfig config);  // checks the config

  // Formats and sends the message (Message-ID from the outbox id, so a resend after a lost reply is
  // recognisable as the same email). Throws Error(unavailable) with curl's reason when the server
  // cannot be reached or does not accept it, Error(invalid_input) for a message that cannot be formatted.
  void send(const OutboxMessage& message, std::int64_t now) const;

  [[nodiscard]] const SmtpConfig& config() const { return config_; }

 private:
  SmtpConfig config_;
};

}  // namespace recall
