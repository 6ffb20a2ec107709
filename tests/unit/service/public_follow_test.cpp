// A running service follows what another process on the same database changes (a moderator's
// command at the command line): petitions published or hidden, signatures struck out, the block list.
#include <chrono>

#include <fmt/format.h>

#include "support/eventually.hpp"
#include "unit/service/public_world.hpp"

namespace recall::testing {

namespace {

namespace pp = public_petition;

class FollowingWorld : public PublicWorld {
 protected:
  void SetUp() override {
    PublicWorld::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // The service under test looks often; the other process is a second service with stores of its
    // own, as `recall public-petition …` opens while `recall serve` runs.
    service_.reset();
    config_.follow_every = std::chrono::milliseconds(20);
    start_service();
    other_store_ = open_store(database_->url());
    other_intake_store_ = open_store(database_->url());
    other_ = std::make_unique<PublicPetitionService>(
        *other_store_, *other_intake_store_, public_parliament(), [this] { return now_.load(); }, config_);
    other_->start();
  }
  void TearDown() override {
    other_.reset();
    PublicWorld::TearDown();
  }

  std::unique_ptr<Store> other_store_;
  std::unique_ptr<Store> other_intake_store_;
  std::unique_ptr<PublicPetitionService> other_;
};

TEST_P(FollowingWorld, CountsFollowAnInvalidationMadeElsewhere) {
  const std::int64_t petition = open_petition();
  for (int i = 0; i < 3; ++i) {
    const std::string email = fmt::format("net{}@throwaway.example", i);
    sign(petition, email, pp::parse_ip_address(fmt::format("192.0.2.{}", i + 1)));
    confirm_latest(email);
  }
  ASSERT_EQ(total(petition), 6);
  pp::InvalidationForm by_ip;
  by_ip.ip = "192.0.2.0/30";  // .1 to .3
  EXPECT_EQ(other_->invalidate(petition, by_ip, moderator_actor()).matched, 3);
  EXPECT_TRUE(eventually([&] { return total(petition) == 3; })) << "the count is still " << total(petition);
  EXPECT_EQ(memory_counts(petition), check_store_->public_petitions().count_by_constituency(petition));
  // Its own steps go on as before after following.
  pp::InvalidationForm by_postcode;
  by_postcode.postcode = peterborough_postcode;
  EXPECT_EQ(service_->invalidate(petition, by_postcode, moderator_actor()).matched, 3);
  EXPECT_EQ(total(petition), 0);
}

TEST_P(FollowingWorld, APetitionPublishedElsewhereTakesSignaturesAndOneHiddenElsewhereStops) {
  // Created and sponsored here, published by the other process.
  const CreatedPetition created = service_->create(petition_form("creator@example.com"), address(1));
  confirm_latest("creator@example.com");
  for (int i = 1; i <= 2; ++i) {
    const std::string email = "sponsor" + std::to_string(i) + "@example.com";
    sign(created.id, email, address(10 + i), created.sponsor_token);
    confirm_latest(email);
  }
  EXPECT_FALSE(service_->counts(created.id)) << "sponsored, not yet public";
  other_->publish(created.id, moderator_actor());
  ASSERT_TRUE(eventually([&] { return service_->counts(created.id).has_value(); }));
  EXPECT_EQ(total(created.id), 3);
  EXPECT_EQ(sign(created.id, "supporter@example.com", address(30)), SignOutcome::pending);
  EXPECT_EQ(confirm_latest("supporter@example.com").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(created.id), 4);

  other_->hide(created.id, pp::ModerationReason::offensive, "", moderator_actor());
  ASSERT_TRUE(eventually([&] { return !service_->counts(created.id).has_value(); }));
  EXPECT_EQ(sign(created.id, "late@example.com", address(31)), SignOutcome::not_found);
}

TEST_P(FollowingWorld, APetitionCreatedElsewhereKnowsItsCreatorSigned) {
  const CreatedPetition created = other_->create(petition_form("creator@example.com"), address(1));
  // The sponsor link works here once followed; the creator signing again is a repeat, not a second row.
  ASSERT_TRUE(eventually([&] {
    return sign(created.id, "sponsor1@example.com", address(11), created.sponsor_token) ==
           SignOutcome::pending;
  }));
  EXPECT_EQ(sign(created.id, "creator@example.com", address(1), created.sponsor_token), SignOutcome::pending);
  EXPECT_EQ(check_store_->public_petitions().count_signatures(created.id), 2);
}

TEST_P(FollowingWorld, TheBlockListFollowsABlockAddedElsewhere) {
  const std::int64_t petition = open_petition();
  // A marker: hidden after the block is added, so once it is gone here the block was followed.
  const std::int64_t second = service_->create(petition_form("creator2@example.com"), address(2)).id;
  other_->add_block(pp::BlockKind::domain, "*.spam.example", "a flood", moderator_actor());
  other_->hide(second, pp::ModerationReason::advert, "", moderator_actor());
  // Changes are followed in the order they were made, so the block is followed by then.
  ASSERT_TRUE(
      eventually([&] { return sign(second, "creator2@example.com", address(2)) == SignOutcome::not_found; }));
  EXPECT_EQ(sign(petition, "a@mail.spam.example", address(70)), SignOutcome::pending);
  EXPECT_EQ(confirm_latest("a@mail.spam.example").outcome, ConfirmOutcome::confirmed);
  EXPECT_EQ(total(petition), 3) << "a blocked domain's signature is kept as suspect, not counted";
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, FollowingWorld, public_backends(), public_backend_name);

}  // namespace recall::testing
