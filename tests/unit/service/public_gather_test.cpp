// The intake's writer waits a moment for a small batch to fill while requests keep coming
// (PublicIntake::gather): a stream of requests goes in one commit, not one each, and a lone request
// waits only until the writer's first look finds nothing new. On PostgreSQL the second signing
// thread leaves a small queue to the writer.
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/public_petition/canonical_email.hpp"
#include "service/batch_share.hpp"
#include "service/public_intake.hpp"
#include "support/eventually.hpp"
#include "unit/service/public_world.hpp"

namespace recall::testing {

namespace {

namespace pp = public_petition;

// A second intake on stores of its own (as a second `recall serve` would be), with a gather window
// long enough that every wait below is plainly the window's or plainly not.
class GatheringWorld : public PublicWorld {
 protected:
  void open_intake(std::chrono::microseconds gather) {
    intake_store_of_test_ = open_store(database_->url());
    if (GetParam() == contract::Backend::postgresql) signing_store_of_test_ = open_store(database_->url());
    PublicPetitionConfig config = config_;
    config.gather = gather;
    intake_ = std::make_unique<PublicIntake>(*intake_store_of_test_, public_parliament(),
                                             [this] { return now_.load(); }, config, signing_store_of_test_.get());
    intake_->start();
  }
  void TearDown() override {
    intake_.reset();
    PublicWorld::TearDown();
  }

  std::future<SignOutcome> sign_on_intake(std::int64_t petition, int n) {
    IntakeSignature signature;
    signature.petition_id = petition;
    signature.name = fmt::format("Gathered {}", n);
    signature.email = pp::parse_email_address(fmt::format("gathered{}@example.com", n));
    signature.postcode = peterborough_postcode;
    signature.ip = address(3000 + n);
    auto answer = std::make_shared<std::promise<SignOutcome>>();
    std::future<SignOutcome> outcome = answer->get_future();
    intake_->sign(std::move(signature), [answer](SignOutcome result) { answer->set_value(result); });
    return outcome;
  }

  // Queues `count` requests while the writer is busy (a step that waits for them), then frees it:
  // it comes back to find them already queued. `before`: the batches committed until then.
  std::vector<std::future<SignOutcome>> queue_while_writer_busy(std::int64_t petition, int count,
                                                                std::uint64_t& before) {
    std::promise<void> running;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::future<void> step = std::async(std::launch::async, [&] {
      intake_->run([&running, released](Store&) {
        running.set_value();
        released.wait();
        return IntakeEffects{};
      });
    });
    running.get_future().wait();
    std::vector<std::future<SignOutcome>> outcomes;
    for (int i = 0; i < count; ++i) outcomes.push_back(sign_on_intake(petition, next_signer_++));
    before = batches();
    release.set_value();
    step.get();
    return outcomes;
  }

  std::uint64_t batches() const {
    const auto [writer, second] = intake_->batches_committed();
    return writer + second;
  }

  std::unique_ptr<Store> intake_store_of_test_;
  std::unique_ptr<Store> signing_store_of_test_;
  std::unique_ptr<PublicIntake> intake_;
  int next_signer_ = 0;
};

bool answered(std::future<SignOutcome>& outcome, std::chrono::milliseconds within) {
  return outcome.wait_for(within) == std::future_status::ready;
}

TEST_P(GatheringWorld, RequestsThatKeepComingAreWrittenInOneBatch) {
  const std::int64_t petition = open_petition();
  open_intake(std::chrono::seconds(20));

  std::uint64_t before = 0;
  std::vector<std::future<SignOutcome>> outcomes = queue_while_writer_busy(petition, 3, before);

  // The writer came back to a stream: it waits for more rather than commit three (and on PostgreSQL
  // the second thread leaves them too).
  EXPECT_FALSE(answered(outcomes.front(), std::chrono::milliseconds(300)))
      << "three requests that came in while the writer was busy were written at once";
  for (int i = 3; i < static_cast<int>(unsplit_batch); ++i)
    outcomes.push_back(sign_on_intake(petition, next_signer_++));
  // A batch's worth ends the wait long before the window does.
  for (auto& outcome : outcomes) {
    ASSERT_TRUE(answered(outcome, std::chrono::seconds(10))) << "a full batch waited for the gather window";
    EXPECT_EQ(outcome.get(), SignOutcome::pending);
  }
  // The count moves just after the batch's answers go out.
  EXPECT_TRUE(eventually([&] { return batches() > before; }));
  EXPECT_EQ(batches(), before + 1) << "the stream took more than one commit";
  EXPECT_EQ(check_store_->public_petitions().count_signatures(petition), 3 + static_cast<std::int64_t>(unsplit_batch));
}

TEST_P(GatheringWorld, ALoneRequestIsWrittenWhenNothingMoreComes) {
  const std::int64_t petition = open_petition();
  // The writer looks again every quarter of the window; finding nothing new, it writes.
  open_intake(std::chrono::seconds(8));
  std::future<SignOutcome> lone = sign_on_intake(petition, next_signer_++);
  ASSERT_TRUE(answered(lone, std::chrono::seconds(6))) << "a lone request waited for the whole gather window";
  EXPECT_EQ(lone.get(), SignOutcome::pending);
}

TEST_P(GatheringWorld, WithoutAWindowEveryRequestIsWrittenAtOnce) {
  const std::int64_t petition = open_petition();
  open_intake(std::chrono::microseconds::zero());
  std::future<SignOutcome> lone = sign_on_intake(petition, next_signer_++);
  ASSERT_TRUE(answered(lone, std::chrono::seconds(6)));
  EXPECT_EQ(lone.get(), SignOutcome::pending);
  EXPECT_TRUE(eventually([&] { return batches() == 1; }));
  // Nor does a stream: three queued while the writer was busy go in at once, with nothing after them
  // (a zero window taken as "until a batch's worth" would leave them waiting).
  std::uint64_t before = 0;
  std::vector<std::future<SignOutcome>> outcomes = queue_while_writer_busy(petition, 3, before);
  for (auto& outcome : outcomes) {
    ASSERT_TRUE(answered(outcome, std::chrono::seconds(10))) << "requests waited with no gather window";
    EXPECT_EQ(outcome.get(), SignOutcome::pending);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, GatheringWorld, public_backends(), public_backend_name);

}  // namespace

}  // namespace recall::testing
