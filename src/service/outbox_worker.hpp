#pragma once
// Delivers the email outbox: takes due messages from OutboxStore, hands each to a sender (SmtpSender in
// production), marks it sent, or marks it failed with exponential back-off (30 s doubling to 1 h) and
// keeps trying for ever; the officer can see messages that are stuck. Runs on its own thread, so a slow
// or unreachable SMTP server never holds up a web request, and stops cleanly on shutdown.
//
// Secrecy: receipts are emails, so how many were sent would approach how many have signed. The worker
// therefore logs only when delivery starts failing and when it recovers, never per message or counts.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/auth/clock.hpp"
#include "store/petition_store.hpp"

namespace recall {

// Throws on failure (any exception); returns when the server has accepted the message.
using SendEmail = std::function<void(const OutboxMessage& message, std::int64_t now)>;

struct OutboxPolicy {
  std::int64_t first_retry_seconds = 30;
  std::int64_t max_retry_seconds = 60 * 60;
  int batch = 20;                                  // messages taken per pass; a full pass is followed at once by the next
  std::chrono::milliseconds poll_interval{1000};   // between passes when there is nothing to do
};

// Seconds to wait after a message's `failures`-th failed attempt (1-based): 30, 60, 120, ... at most 3600.
[[nodiscard]] std::int64_t retry_delay_seconds(int failures, const OutboxPolicy& policy = {});

// Work done at the start of each pass that adds messages to the outbox (public petitions' queued
// confirmation emails, service/public_confirmation_mail.hpp); returns how many it added.
// `delivery_failing`: the last attempt failed, so add only a few to try.
using PreparePass = std::function<std::size_t(bool delivery_failing)>;

struct OutboxPass {
  std::size_t prepared = 0;  // messages the PreparePass added
  int sent = 0;
  int failed = 0;
};

class OutboxWorker {
 public:
  // `outbox` must outlive the worker.
  OutboxWorker(OutboxStore& outbox, SendEmail send, Clock clock, OutboxPolicy policy = {},
               PreparePass prepare = {});
  ~OutboxWorker();  // stops and joins
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // One pass: the PreparePass (unless the last pass left due messages behind), then the messages due
  // now. Errors from the sender are recorded against the message; errors from the store propagate (the
  // thread logs them and tries again at the next poll).
  OutboxPass run_once();

  void start();  // the background thread: a pass, then a wait of poll_interval (or until wake/stop)
  // Ends the wait at once; a pass already sending finishes its current message first. Idempotent.
  void stop();
  void wake();   // start the next pass now (e.g. right after enqueuing)

 private:
  void run_thread();
  void note_delivery(bool failing, const std::string& error);

  OutboxStore& outbox_;
  SendEmail send_;
  Clock clock_;
  OutboxPolicy policy_;
  PreparePass prepare_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool woken_ = false;
  bool failing_ = false;   // last attempt failed: log the recovery once
  bool caught_up_ = true;  // the last pass took every due message: the PreparePass may add more
  std::thread thread_;
};

}  // namespace recall
