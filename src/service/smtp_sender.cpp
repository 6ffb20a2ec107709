#include "service/smtp_sender.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "service/email_message.hpp"

namespace recall {

namespace {

// curl_global_init is not thread-safe in older libcurl; run it exactly once before any handle.
void ensure_curl() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK) throw Error(ErrorKind::internal, "libcurl could not be initialised");
}

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The message as curl reads it for the DATA phase (curl does the dot-stuffing and the final ".").
struct Upload {
  std::string bytes;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->bytes.size() - upload->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->bytes.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

std::string message_id_for(const OutboxMessage& message, std::string_view from) {
  std::string stamp;
  for (char c : message.created_at) {
    if (std::isalnum(static_cast<unsigned char>(c))) stamp += c;
  }
  return fmt::format("recall.outbox.{}.{}@{}", message.id, stamp, email_domain(from));
}

template <class Value>
void set_option(CURL* handle, CURLoption option, Value value) {
  const CURLcode code = curl_easy_setopt(handle, option, value);
  if (code != CURLE_OK) {
    throw Error(ErrorKind::internal, fmt::format("libcurl refused an SMTP option: {}", curl_easy_strerror(code)));
  }
}

}  // namespace

void check_smtp_config(const SmtpConfig& config) {
  if (!starts_with_ignoring_case(config.url, "smtp://") && !starts_with_ignoring_case(config.url, "smtps://")) {
    throw_invalid(fmt::format("'{}' is not an smtp:// or smtps:// URL", config.url),
                  SourceLocation{"", 0, 0, "smtp_url"});
  }
  if (!is_plausible_email_address(config.from)) {
    throw_invalid(fmt::format("'{}' is not a plain email address", config.from),
                  SourceLocation{"", 0, 0, "mail_from"});
  }
}

SmtpSender::SmtpSender(SmtpConfig config) : config_(std::move(config)) { check_smtp_config(config_); }

void SmtpSender::send(const OutboxMessage& message, std::int64_t now) const {
  ensure_curl();
  EmailEnvelope envelope;
  envelope.from = config_.from;
  envelope.to = message.to;
  envelope.subject = message.subject;
  envelope.body = message.body;
  envelope.message_id = message_id_for(message, config_.from);
  envelope.date = now;
  Upload upload{format_email(envelope), 0};

  std::unique_ptr<CURL, CurlEasyDeleter> handle(curl_easy_init());
  if (!handle) throw Error(ErrorKind::internal, "libcurl could not create a handle");
  CURL* curl = handle.get();
  const std::string sender = "<" + config_.from + ">";
  const std::string recipient = "<" + message.to + ">";
  std::unique_ptr<curl_slist, CurlListDeleter> recipients(curl_slist_append(nullptr, recipient.c_str()));
  if (!recipients) throw Error(ErrorKind::internal, "out of memory building the SMTP recipient list");
  std::array<char, CURL_ERROR_SIZE> error_text{};

  set_option(curl, CURLOPT_URL, config_.url.c_str());
  set_option(curl, CURLOPT_MAIL_FROM, sender.c_str());
  set_option(curl, CURLOPT_MAIL_RCPT, recipients.get());
  set_option(curl, CURLOPT_READFUNCTION, &read_upload);
  set_option(curl, CURLOPT_READDATA, static_cast<void*>(&upload));
  set_option(curl, CURLOPT_UPLOAD, 1L);
  set_option(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.bytes.size()));
  // Opportunistic STARTTLS by default, so a server that offers it is used encrypted; mandatory on request.
  set_option(curl, CURLOPT_USE_SSL, static_cast<long>(config_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  set_option(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config_.connect_timeout.count()));
  set_option(curl, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout.count()));
  set_option(curl, CURLOPT_NOSIGNAL, 1L);  // the worker is one thread among many: no SIGALRM
  set_option(curl, CURLOPT_ERRORBUFFER, error_text.data());
  if (!config_.username.empty()) {
    set_option(curl, CURLOPT_USERNAME, config_.username.c_str());
    set_option(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    const std::string detail = error_text[0] != '\0' ? std::string(error_text.data()) : curl_easy_strerror(code);
    throw Error(ErrorKind::unavailable, fmt::format("SMTP delivery failed: {}", detail));
  }
}

}  // namespace recall
