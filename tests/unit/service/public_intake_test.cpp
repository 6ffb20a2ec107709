// The intake sequencer's promises on a real database: an acknowledgement comes only after COMMIT (a
// fresh connection finds every acknowledged row the moment `done` runs), many signers from many
// threads, a failed commit acknowledging nothing, and signing that never waits for email.
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "service/outbox_worker.hpp"
#include "unit/service/public_world.hpp"

namespace recall::testing {

namespace {

namespace pp = public_petition;

TEST_P(PublicWorld, EveryAcknowledgedSignatureIsInTheStoreWhenDoneRuns) {
  const std::int64_t petition = open_petition();
  constexpr int threads = 6;
  constexpr int per_thread = 60;
  std::mutex checked_mutex;
  int acknowledged = 0;
  std::vector<std::string> missing;
  std::vector<std::thread> signers;
  for (int t = 0; t < threads; ++t) {
    signers.emplace_back([&, t] {
      std::vector<std::future<void>> waits;
      for (int i = 0; i < per_thread; ++i) {
        const std::string email = fmt::format("crowd{}-{}@example.com", t, i);
        auto finished = std::make_shared<std::promise<void>>();
        waits.push_back(finished->get_future());
        service_->sign(SignRequest{petition, signer(email), address(1000 + t * per_thread + i), ""},
                       [&, email, finished](SignOutcome outcome) {
                         {
                           std::lock_guard lock(checked_mutex);
                           if (outcome == SignOutcome::pending) {
                             ++acknowledged;
                             // Looked up on another connection, before anything else happens.
                             if (!check_store_->public_petitions().find_signature_by_email(petition, email)) {
                               missing.push_back(email);
                             }
                           }
                         }
                         finished->set_value();
                       });
      }
      for (auto& wait : waits) wait.get();
    });
  }
  for (std::thread& thread : signers) thread.join();
  EXPECT_EQ(acknowledged, threads * per_thread);
  EXPECT_TRUE(missing.empty()) << missing.size() << " acknowledged but not found, e.g. " << missing.front();
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), threads * per_thread + 3);
  // Confirm them all concurrently too: the counts end equal to the store's.
  std::vector<std::string> tokens;
  for (int t = 0; t < threads; ++t) {
    for (int i = 0; i < per_thread; ++i) tokens.push_back(*latest_token(fmt::format("crowd{}-{}@example.com", t, i)));
  }
  std::vector<std::future<ConfirmResult>> confirmations;
  for (const std::string& token : tokens) {
    confirmations.push_back(std::async(std::launch::async, [&, token] { return service_->confirm_and_wait(token); }));
  }
  for (auto& confirmation : confirmations) EXPECT_EQ(confirmation.get().outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), threads * per_thread + 3);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
}

TEST_P(PublicWorld, AFailedCommitAcknowledgesNothingAndTheSignerCanTryAgain) {
  const std::int64_t petition = open_petition();
  const std::int64_t rows = check_store_->public_petitions().count_signatures(petition);
  // The batch's email INSERT fails, after its signature INSERT: the whole transaction must go.
  database_->execute_raw("ALTER TABLE outbox RENAME TO outbox_away");
  EXPECT_EQ(sign(petition, "unlucky@example.com", address(200)), SignOutcome::unavailable);
  EXPECT_EQ(sign(petition + 99, "unlucky@example.com", address(200)), SignOutcome::not_found)
      << "requests that never needed the commit keep their own answer";
  database_->execute_raw("ALTER TABLE outbox_away RENAME TO outbox");
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), rows);
  EXPECT_FALSE(check_store_->public_petitions().find_signature_by_email(petition, "unlucky@example.com"));
  EXPECT_EQ(sign(petition, "unlucky@example.com", address(201)), SignOutcome::pending)
      << "the failed batch's duplicate check was forgotten";
  EXPECT_TRUE(check_store_->public_petitions().find_signature_by_email(petition, "unlucky@example.com"));
  EXPECT_EQ(confirm_latest("unlucky@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), 4);
}

TEST_P(PublicWorld, AnUnreachableMailServerNeverSlowsSigning) {
  const std::int64_t petition = open_petition();
  OutboxPolicy policy;
  policy.poll_interval = std::chrono::milliseconds(5);
  policy.batch = 500;
  // Every delivery hangs, then fails, as a dead SMTP server behind a firewall does.
  OutboxWorker worker(
      check_store_->outbox(),
      [](const OutboxMessage&, std::int64_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        throw std::runtime_error("connection timed out");
      },
      [this] { return now_.load(); }, policy);
  worker.start();
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(sign(petition, fmt::format("patient{}@example.com", i), address(300 + i)), SignOutcome::pending);
  }
  const auto took = std::chrono::steady_clock::now() - started;
  worker.stop();
  EXPECT_LT(took, std::chrono::seconds(3)) << "20 signatures waited on email";
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), 23);
}

TEST_P(PublicWorld, StoppingAnswersWhatIsStillQueuedAndRefusesMore) {
  const std::int64_t petition = open_petition();
  service_->stop();
  EXPECT_EQ(sign(petition, "late@example.com", address(400)), SignOutcome::unavailable);
  EXPECT_EQ(service_->confirm_and_wait("whatever").outcome, ConfirmOutcome::unavailable);
  EXPECT_THROW(service_->publish(petition, moderator_actor()), Error);
  service_->stop();  // idempotent
}

}  // namespace

}  // namespace recall::testing
