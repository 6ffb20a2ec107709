// The intake sequencer's promises on a real database: an acknowledgement comes only after COMMIT (a
// fresh connection finds every acknowledged row the moment `done` runs), many signers from many
// threads, a failed commit acknowledging nothing, and signing that never waits for email.
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

// Signs the emails of each list from a thread of its own, without waiting between requests (so the
// queue fills as in a surge), and returns once every request is answered. Each signature comes from
// an address of its own, address(first_address + 1000 * list + i), so the rate limiter keeps out.
std::vector<SignOutcome> sign_all_at_once(PublicPetitionService& service, std::int64_t petition,
                                          const std::vector<std::vector<std::string>>& lists, int first_address) {
  std::mutex answers_mutex;
  std::vector<SignOutcome> answers;
  std::vector<std::thread> signers;
  for (std::size_t t = 0; t < lists.size(); ++t) {
    signers.emplace_back([&, t] {
      std::vector<std::future<void>> waits;
      for (std::size_t i = 0; i < lists[t].size(); ++i) {
        auto finished = std::make_shared<std::promise<void>>();
        waits.push_back(finished->get_future());
        const SignerForm form{"Signer " + lists[t][i], lists[t][i], peterborough_postcode, true};
        service.sign(SignRequest{petition, form, address(first_address + static_cast<int>(t * 1000 + i)), ""},
                     [&, finished](SignOutcome outcome) {
                       {
                         std::lock_guard lock(answers_mutex);
                         answers.push_back(outcome);
                       }
                       finished->set_value();
                     });
      }
      for (auto& wait : waits) wait.get();
    });
  }
  for (std::thread& thread : signers) thread.join();
  return answers;
}

TEST_P(PublicWorld, ASurgeIsWrittenByBothWritersOnPostgreSqlAndEachEmailIsStoredOnce) {
  const std::int64_t petition = open_petition();
  // Four threads; each email is signed by two of them at once, so a duplicate can meet its first
  // signature in the other writer's batch.
  std::vector<std::vector<std::string>> lists(4);
  for (int i = 0; i < 300; ++i) {
    for (int pair = 0; pair < 2; ++pair) {
      const std::string email = fmt::format("surge{}-{}@example.com", pair, i);
      lists[pair * 2].push_back(email);
      lists[pair * 2 + 1].push_back(email);
    }
  }
  const std::vector<SignOutcome> answers = sign_all_at_once(*service_, petition, lists, 2000);
  ASSERT_EQ(answers.size(), 1200U);
  for (const SignOutcome answer : answers) EXPECT_EQ(answer, SignOutcome::pending);
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), 600 + 3);

  const auto [writer, second] = service_->batches_committed();
  EXPECT_GT(writer, 0U);
  if (GetParam() == contract::Backend::postgresql) {
    EXPECT_GT(second, 0U) << "the second writer wrote no batch of the surge";
  } else {
    EXPECT_EQ(second, 0U) << "SQLite has one writer";
  }

  // One email each (a duplicate within the minute gets none), and every one confirms and counts.
  const std::map<std::string, std::string> tokens = latest_tokens();
  std::vector<std::future<ConfirmResult>> confirmations;
  for (int pair = 0; pair < 2; ++pair) {
    for (int i = 0; i < 300; ++i) {
      const auto token = tokens.find(fmt::format("surge{}-{}@example.com", pair, i));
      ASSERT_NE(token, tokens.end()) << "no email for surge" << pair << "-" << i;
      confirmations.push_back(std::async(std::launch::async,
                                         [this, token = token->second] { return service_->confirm_and_wait(token); }));
    }
  }
  for (auto& confirmation : confirmations) EXPECT_EQ(confirmation.get().outcome, ConfirmOutcome::confirmed);
  std::size_t emails = 0;
  for (const OutboxMessage& message : outbox()) {
    if (message.to.starts_with("surge")) ++emails;
  }
  EXPECT_EQ(emails, 600U);
  EXPECT_EQ(total(petition), 600 + 3);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
}

TEST_P(PublicWorld, ModeratorsStepsDuringASurgeLeaveTheCountsExact) {
  const std::int64_t petition = open_petition();
  std::vector<std::string> early;
  for (int i = 0; i < 40; ++i) early.push_back(fmt::format("early{}@example.com", i));
  for (const SignOutcome answer : sign_all_at_once(*service_, petition, {early}, 7000)) {
    EXPECT_EQ(answer, SignOutcome::pending);
  }
  for (const std::string& email : early) EXPECT_EQ(confirm_latest(email).outcome, ConfirmOutcome::confirmed);
  ASSERT_EQ(total(petition), 43);

  // A surge of new signers while a moderator invalidates early signers one address at a time and
  // blocks a domain: each step waits for the batches in hand, and no batch starts during one.
  std::vector<std::vector<std::string>> lists(2);
  for (int i = 0; i < 400; ++i) lists[i % 2].push_back(fmt::format("late{}@{}", i, i % 5 == 0 ? "flood.example" : "example.com"));
  auto surge = std::async(std::launch::async, [&] { return sign_all_at_once(*service_, petition, lists, 8000); });
  std::int64_t invalidated = 0;
  for (int i = 0; i < 10; ++i) {
    pp::InvalidationForm form;
    form.ip = pp::to_string(address(7000 + i));  // early signer i's address
    invalidated += service_->invalidate(petition, form, moderator_actor()).matched;
    if (i == 4) service_->add_block(pp::BlockKind::domain, "flood.example", "a flood", moderator_actor());
  }
  for (const SignOutcome answer : surge.get()) EXPECT_EQ(answer, SignOutcome::pending);
  EXPECT_EQ(invalidated, 10);
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), 43 + 400);

  const std::map<std::string, std::string> tokens = latest_tokens();
  for (const auto& list : lists) {
    for (const std::string& email : list) {
      ASSERT_TRUE(tokens.contains(email)) << "no email for " << email;
      EXPECT_EQ(service_->confirm_and_wait(tokens.at(email)).outcome, ConfirmOutcome::confirmed);
    }
  }
  const RecountReport recount = service_->recount(petition, false, moderator_actor());
  EXPECT_FALSE(recount.drift);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
  // The flood's signatures screened after the block are kept as suspect and not counted; those before
  // it count. Either way memory and the store agree, and nothing invalidated counts.
  EXPECT_LE(total(petition), 43 - 10 + 400);
  EXPECT_GE(total(petition), 43 - 10 + 400 - 80);
}

TEST_P(PublicWorld, AFailedCommitAcknowledgesNothingAndTheSignerCanTryAgain) {
  const std::int64_t petition = open_petition();
  const std::int64_t rows = check_store_->public_petitions().count_signatures(petition);
  // The batch's email INSERT fails, after its signature INSERT: the whole transaction must go.
  database_->execute_raw("ALTER TABLE public_confirmation_mail RENAME TO mail_away");
  EXPECT_EQ(sign(petition, "unlucky@example.com", address(200)), SignOutcome::unavailable);
  EXPECT_EQ(sign(petition + 99, "unlucky@example.com", address(200)), SignOutcome::not_found)
      << "requests that never needed the commit keep their own answer";
  database_->execute_raw("ALTER TABLE mail_away RENAME TO public_confirmation_mail");
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
  // Every delivery hangs, then fails, as a dead SMTP server behind a firewall does; before each pass
  // the worker writes queued confirmation emails into the outbox, as `recall serve`'s does.
  OutboxWorker worker(
      check_store_->outbox(),
      [](const OutboxMessage&, std::int64_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        throw std::runtime_error("connection timed out");
      },
      [this] { return now_.load(); }, policy,
      [this](bool delivery_failing) {
        return write_queued_confirmations(*check_store_, config_.site_url, delivery_failing ? 1 : 4);
      });
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
