#include "service/outbox_worker.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

namespace recall {

std::int64_t retry_delay_seconds(int failures, const OutboxPolicy& policy) {
  std::int64_t delay = policy.first_retry_seconds;
  // Doubling stops at the cap, so a message that failed for weeks never overflows the delay.
  for (int i = 1; i < failures && delay < policy.max_retry_seconds; ++i) delay *= 2;
  return std::min(delay, policy.max_retry_seconds);
}

OutboxWorker::OutboxWorker(OutboxStore& outbox, SendEmail send, Clock clock, OutboxPolicy policy,
                           PreparePass prepare)
    : outbox_(outbox),
      send_(std::move(send)),
      clock_(std::move(clock)),
      policy_(policy),
      prepare_(std::move(prepare)) {}

OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::note_delivery(bool failing, const std::string& error) {
  if (failing && !failing_) {
    spdlog::warn("email delivery is failing ({}); queued email will be retried with back-off", error);
  } else if (!failing && failing_) {
    spdlog::info("email delivery has recovered");
  }
  failing_ = failing;
}

OutboxPass OutboxWorker::run_once() {
  OutboxPass pass;
  // Only once the outbox has caught up: in a surge the queued emails stay compact until the SMTP
  // server can take them, instead of piling up as rendered messages.
  if (prepare_ && caught_up_) pass.prepared = prepare_(failing_);
  const std::int64_t now = clock_();
  for (const OutboxMessage& message : outbox_.due(now, policy_.batch)) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;  // leave the rest for the next start: they are durable
    }
    std::string error;
    try {
      send_(message, clock_());
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "unknown error";
    }
    const std::int64_t at = clock_();
    if (error.empty()) {
      outbox_.mark_sent(message.id, format_utc_timestamp(at));
      ++pass.sent;
    } else {
      outbox_.mark_failed(message.id, error, at + retry_delay_seconds(message.attempts + 1, policy_));
      ++pass.failed;
    }
    note_delivery(!error.empty(), error);
  }
  caught_up_ = pass.sent + pass.failed < policy_.batch;
  return pass;
}

void OutboxWorker::run_thread() {
  for (;;) {
    bool full = false;
    try {
      const OutboxPass pass = run_once();
      // Messages just prepared may be more than this pass took; while delivery fails, the next pass
      // waits, so an outage does not turn the whole queue into messages failing one by one.
      full = pass.sent + pass.failed >= policy_.batch || (pass.prepared > 0 && !failing_);
    } catch (const std::exception& e) {
      // The store may be briefly unavailable (a PostgreSQL restart); the messages wait in it.
      spdlog::error("outbox pass failed: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (full) continue;  // more are probably due: no wait while the outbox is draining a surge
    wakeup_.wait_for(lock, policy_.poll_interval, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

void OutboxWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run_thread(); });
}

void OutboxWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

}  // namespace recall
