// The outbox worker: delivery over real SMTP, back-off while the server is down, durability across a
// restart, and a background thread that stops cleanly.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/auth/clock.hpp"
#include "service/outbox_worker.hpp"
#include "service/smtp_sender.hpp"
#include "store/store.hpp"
#include "support/smtp_server.hpp"

namespace recall {
namespace {

TEST(OnlineOutboxBackoff, DoublesFromThirtySecondsToAnHour) {
  EXPECT_EQ(retry_delay_seconds(1), 30);
  EXPECT_EQ(retry_delay_seconds(2), 60);
  EXPECT_EQ(retry_delay_seconds(3), 120);
  EXPECT_EQ(retry_delay_seconds(7), 1920);
  EXPECT_EQ(retry_delay_seconds(8), 3600);
  EXPECT_EQ(retry_delay_seconds(1000), 3600);  // never gives up, never overflows
}

class OnlineOutbox : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("recall-outbox-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = open_store((dir_ / "outbox.sqlite").string());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void reopen() {
    store_.reset();
    store_ = open_store((dir_ / "outbox.sqlite").string());
  }
  std::int64_t enqueue(const std::string& to, const std::string& subject) {
    OutboxMessage m;
    m.to = to;
    m.subject = subject;
    m.body = "Body of " + subject + "\n";
    m.created_at = format_utc_timestamp(now_);
    m.next_attempt_at = now_;
    return store_->outbox().enqueue(m);
  }
  SendEmail sender_for(const testing::SmtpServer& smtp) {
    auto sender = std::make_shared<SmtpSender>(SmtpConfig::relay(smtp.url(), "petitions@example.gov.uk"));
    return [sender](const OutboxMessage& message, std::int64_t now) { sender->send(message, now); };
  }
  Clock clock() { return [this] { return now_.load(); }; }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::atomic<std::int64_t> now_{1553076000};
};

TEST_F(OnlineOutbox, SendsDueMessagesAndMarksThemSent) {
  testing::SmtpServer smtp;
  enqueue("ada@example.com", "first");
  enqueue("alan@example.com", "second");
  OutboxWorker worker(store_->outbox(), sender_for(smtp), clock());
  const OutboxPass pass = worker.run_once();
  EXPECT_EQ(pass.sent, 2);
  EXPECT_EQ(pass.failed, 0);

  const auto mail = smtp.wait_for_messages(2);
  ASSERT_EQ(mail.size(), 2U);
  EXPECT_EQ(mail[0].header("subject"), "first");
  EXPECT_EQ(mail[1].header("subject"), "second");
  for (const OutboxMessage& m : store_->outbox().list_outbox()) {
    ASSERT_TRUE(m.sent_at) << m.subject;
    EXPECT_EQ(*m.sent_at, "2019-03-20T10:00:00Z");
  }
  EXPECT_TRUE(store_->outbox().due(now_ + 100000, 10).empty());
  EXPECT_EQ(worker.run_once().sent, 0);  // nothing is sent twice
  EXPECT_EQ(smtp.messages().size(), 2U);
}

TEST_F(OnlineOutbox, RetriesWithBackoffWhileDownAndDeliversAfterARestart) {
  testing::SmtpServer smtp;
  smtp.stop();
  const std::int64_t id = enqueue("ada@example.com", "your code");
  {
    OutboxWorker worker(store_->outbox(), sender_for(smtp), clock());
    EXPECT_EQ(worker.run_once().failed, 1);
    auto listed = store_->outbox().list_outbox();
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].id, id);
    EXPECT_EQ(listed[0].attempts, 1);
    EXPECT_FALSE(listed[0].sent_at);
    EXPECT_NE(listed[0].last_error.find("SMTP delivery failed"), std::string::npos) << listed[0].last_error;
    EXPECT_EQ(listed[0].next_attempt_at, now_ + 30);

    now_ += 29;  // not due yet: nothing is tried
    EXPECT_EQ(worker.run_once().failed, 0);
    now_ += 1;
    EXPECT_EQ(worker.run_once().failed, 1);
    EXPECT_EQ(store_->outbox().list_outbox()[0].next_attempt_at, now_ + 60);
  }

  // The process stops; the message is on disk. A new process and a working server deliver it.
  reopen();
  smtp.start();
  now_ += 60;
  OutboxWorker worker(store_->outbox(), sender_for(smtp), clock());
  EXPECT_EQ(worker.run_once().sent, 1);
  const auto mail = smtp.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("subject"), "your code");
  const auto listed = store_->outbox().list_outbox();
  EXPECT_EQ(listed[0].attempts, 2);
  EXPECT_TRUE(listed[0].sent_at);
}

TEST_F(OnlineOutbox, BackgroundThreadDeliversAndStops) {
  testing::SmtpServer smtp;
  OutboxPolicy policy;
  policy.poll_interval = std::chrono::milliseconds(20);
  OutboxWorker worker(store_->outbox(), sender_for(smtp), clock(), policy);
  worker.start();
  enqueue("ada@example.com", "while running");
  worker.wake();
  const auto mail = smtp.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("subject"), "while running");
  const auto started = std::chrono::steady_clock::now();
  worker.stop();
  worker.stop();  // idempotent
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST_F(OnlineOutbox, AFullPassIsFollowedAtOnceByTheNext) {
  // Seven due, two a pass, and a poll interval far longer than the test: only passes that follow a
  // full one without waiting deliver them all (a surge's backlog drains at the sender's pace).
  for (int i = 0; i < 7; ++i) enqueue("ada@example.com", "message " + std::to_string(i));
  std::atomic<int> sent{0};
  OutboxPolicy policy;
  policy.batch = 2;
  policy.poll_interval = std::chrono::hours(1);
  OutboxWorker worker(store_->outbox(), [&](const OutboxMessage&, std::int64_t) { ++sent; }, clock(), policy);
  worker.start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (sent.load() < 7 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  worker.stop();
  EXPECT_EQ(sent.load(), 7);
  for (const OutboxMessage& m : store_->outbox().list_outbox()) EXPECT_TRUE(m.sent_at) << m.subject;
}

TEST_F(OnlineOutbox, WhatThePreparationAddsGoesOutInTheSamePass) {
  testing::SmtpServer smtp;
  std::vector<bool> told_failing;
  OutboxWorker worker(store_->outbox(), sender_for(smtp), clock(), OutboxPolicy{},
                      [&](bool delivery_failing) {
                        told_failing.push_back(delivery_failing);
                        enqueue("ada@example.com", "prepared " + std::to_string(told_failing.size()));
                        return std::size_t{1};
                      });
  const OutboxPass pass = worker.run_once();
  EXPECT_EQ(pass.prepared, 1U);
  EXPECT_EQ(pass.sent, 1);
  const auto mail = smtp.wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1U);
  EXPECT_EQ(mail[0].header("subject"), "prepared 1");
  EXPECT_EQ(told_failing, std::vector<bool>{false});
}

TEST_F(OnlineOutbox, ThePreparationWaitsUntilTheOutboxHasCaughtUp) {
  // Five due, two a pass: the passes that leave messages behind add nothing more.
  for (int i = 0; i < 5; ++i) enqueue("ada@example.com", "message " + std::to_string(i));
  int prepared = 0;
  OutboxPolicy policy;
  policy.batch = 2;
  OutboxWorker worker(
      store_->outbox(), [](const OutboxMessage&, std::int64_t) {}, clock(), policy,
      [&](bool) {
        ++prepared;
        return std::size_t{0};
      });
  std::vector<int> sent;
  std::vector<int> calls;
  for (int pass = 0; pass < 4; ++pass) {
    sent.push_back(worker.run_once().sent);
    calls.push_back(prepared);
  }
  EXPECT_EQ(sent, (std::vector<int>{2, 2, 1, 0}));
  EXPECT_EQ(calls, (std::vector<int>{1, 1, 1, 2}));
}

TEST_F(OnlineOutbox, WhileDeliveryFailsThePreparationIsToldAndPassesWait) {
  // Each pass prepares a message the sender refuses. Told that delivery is failing, the preparation
  // would add fewer; and passes that prepared something follow at once only while delivery works,
  // so with an hour's poll interval the background thread makes exactly one pass.
  std::atomic<int> passes{0};
  std::vector<bool> told_failing;
  OutboxPolicy policy;
  policy.poll_interval = std::chrono::hours(1);
  OutboxWorker worker(
      store_->outbox(),
      [](const OutboxMessage&, std::int64_t) { throw std::runtime_error("connection refused"); }, clock(),
      policy,
      [&](bool delivery_failing) {
        told_failing.push_back(delivery_failing);
        enqueue("ada@example.com", "prepared");
        ++passes;
        return std::size_t{1};
      });
  EXPECT_EQ(worker.run_once().failed, 1);
  EXPECT_EQ(worker.run_once().failed, 1) << "the new message; the first waits for its retry";
  EXPECT_EQ(told_failing, (std::vector<bool>{false, true}));
  worker.start();
  // The thread's first pass, however slowly it starts (sanitizers, a loaded machine); then time for
  // any pass that would follow it at once.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (passes.load() < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  worker.stop();
  EXPECT_EQ(passes.load(), 3);
}

TEST_F(OnlineOutbox, AMessageTheServerCannotTakeDoesNotBlockTheOthers) {
  testing::SmtpServer smtp;
  // An address that passed the enqueue path's checks cannot be formatted: the sender refuses it,
  // it waits with back-off, and the next message still goes.
  enqueue("broken address", "bad");
  enqueue("ada@example.com", "good");
  OutboxWorker worker(store_->outbox(), sender_for(smtp), clock());
  const OutboxPass pass = worker.run_once();
  EXPECT_EQ(pass.sent, 1);
  EXPECT_EQ(pass.failed, 1);
  ASSERT_EQ(smtp.wait_for_messages(1).size(), 1U);
}

}  // namespace
}  // namespace recall
