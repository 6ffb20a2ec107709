#include <gtest/gtest.h>

#include "core/auth/clock.hpp"
#include "core/base/error.hpp"
#include "core/public_petition/petition_lifecycle.hpp"
#include "core/public_petition/utc_timestamp.hpp"

namespace recall::public_petition {
namespace {

std::int64_t at(std::string_view utc) { return parse_utc_timestamp(utc, "test"); }

PublicPetition new_petition(const PetitionRules& rules = {}) {
  return create_public_petition(
      PetitionText{"Call a by-election in Peterborough", "Our MP was convicted.", ""}, PetitionTarget{},
      rules, at("2019-03-01T10:00:00Z"));
}

PublicPetition sponsored_petition(const PetitionRules& rules = {}) {
  PublicPetition petition = new_petition(rules);
  for (int i = 0; i < rules.sponsors_needed; ++i)
    add_sponsor(petition, rules, at("2019-03-02T10:00:00Z") + i);
  return petition;
}

ErrorKind kind_of_refusal(const std::function<void()>& step) {
  try {
    step();
  } catch (const Error& error) {
    return error.kind();
  }
  return ErrorKind::internal;  // not refused
}

TEST(PublicPetitionLifecycle, TheFifthSponsorSendsItToModeration) {
  const PetitionRules rules;
  PublicPetition petition = new_petition(rules);
  EXPECT_EQ(petition.state, PublicPetitionState::collecting_sponsors);
  for (int i = 1; i <= 4; ++i) {
    add_sponsor(petition, rules, at("2019-03-02T10:00:00Z") + i);
    EXPECT_EQ(petition.state, PublicPetitionState::collecting_sponsors) << i;
  }
  EXPECT_FALSE(petition.sponsored_at);
  add_sponsor(petition, rules, at("2019-03-02T11:00:00Z"));
  EXPECT_EQ(petition.state, PublicPetitionState::sponsored);
  EXPECT_EQ(petition.sponsored_at, at("2019-03-02T11:00:00Z"));
  // A sixth sponsor while it waits is counted, and does not move it up the queue.
  add_sponsor(petition, rules, at("2019-03-02T12:00:00Z"));
  EXPECT_EQ(petition.sponsor_count, 6);
  EXPECT_EQ(petition.sponsored_at, at("2019-03-02T11:00:00Z"));
}

TEST(PublicPetitionLifecycle, PublishedItRunsSixMonthsThenCloses) {
  const PetitionRules rules;
  PublicPetition petition = sponsored_petition(rules);
  publish(petition, rules, at("2019-03-20T09:15:00Z"));
  EXPECT_EQ(petition.state, PublicPetitionState::open);
  EXPECT_EQ(petition.opened_at, at("2019-03-20T09:15:00Z"));
  EXPECT_EQ(petition.closes_at, at("2019-09-21T00:00:00Z")) << "to the end of 20 September";
  EXPECT_TRUE(accepts_signatures(petition, at("2019-09-20T23:59:59Z")));
  EXPECT_FALSE(close_if_due(petition, at("2019-09-20T23:59:59Z")));
  EXPECT_TRUE(close_if_due(petition, at("2019-09-22T08:00:00Z")));
  EXPECT_EQ(petition.state, PublicPetitionState::closed);
  EXPECT_EQ(petition.closed_at, at("2019-09-21T00:00:00Z"))
      << "closed when its period ended, not when noticed";
  EXPECT_FALSE(accepts_signatures(petition, at("2019-09-22T08:00:00Z")));
  EXPECT_FALSE(close_if_due(petition, at("2019-09-23T08:00:00Z")));
}

TEST(PublicPetitionLifecycle, ThePeriodIsConfigurableAndEndsOnARealDay) {
  EXPECT_EQ(closing_time(at("2019-08-31T12:00:00Z"), 6), at("2020-03-01T00:00:00Z"))
      << "29 Feb 2020, a leap year";
  EXPECT_EQ(closing_time(at("2019-08-31T12:00:00Z"), 1), at("2019-10-01T00:00:00Z")) << "30 September";
  EXPECT_EQ(closing_time(at("2019-12-15T00:00:00Z"), 3), at("2020-03-16T00:00:00Z"));
  PetitionRules rules;
  rules.open_months = 1;
  PublicPetition petition = sponsored_petition(rules);
  publish(petition, rules, at("2019-03-20T09:15:00Z"));
  EXPECT_EQ(petition.closes_at, at("2019-04-21T00:00:00Z"));
}

TEST(PublicPetitionLifecycle, RejectionKeepsTheReason) {
  PublicPetition petition = sponsored_petition();
  reject(petition, ModerationReason::duplicate, "  See petition 12.\r\n", at("2019-03-04T10:00:00Z"));
  EXPECT_EQ(petition.state, PublicPetitionState::rejected);
  ASSERT_TRUE(petition.moderation);
  EXPECT_EQ(petition.moderation->reason, ModerationReason::duplicate);
  EXPECT_EQ(petition.moderation->note, "See petition 12.");
  EXPECT_EQ(petition.moderation->decided_at, at("2019-03-04T10:00:00Z"));
}

TEST(PublicPetitionLifecycle, ReasonsThatCannotBeShownHideTheText) {
  PublicPetition petition = sponsored_petition();
  reject(petition, ModerationReason::libellous, "", at("2019-03-04T10:00:00Z"));
  EXPECT_EQ(petition.state, PublicPetitionState::hidden);
  EXPECT_EQ(petition.moderation->reason, ModerationReason::libellous);
}

TEST(PublicPetitionLifecycle, AnOpenPetitionCanBeHiddenAndStopsSigning) {
  const PetitionRules rules;
  PublicPetition petition = sponsored_petition(rules);
  publish(petition, rules, at("2019-03-20T09:15:00Z"));
  hide(petition, ModerationReason::confidential, "court order", at("2019-04-01T08:00:00Z"));
  EXPECT_EQ(petition.state, PublicPetitionState::hidden);
  EXPECT_EQ(petition.closed_at, at("2019-04-01T08:00:00Z"));
  EXPECT_FALSE(accepts_signatures(petition, at("2019-04-01T08:00:01Z")));
}

TEST(PublicPetitionLifecycle, IllegalMovesAreRefusedAsConflicts) {
  const PetitionRules rules;
  PublicPetition collecting = new_petition(rules);
  EXPECT_EQ(kind_of_refusal([&] { publish(collecting, rules, 0); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of_refusal([&] { reject(collecting, ModerationReason::advert, "", 0); }),
            ErrorKind::conflict);
  EXPECT_EQ(collecting.state, PublicPetitionState::collecting_sponsors) << "a refused move changes nothing";
  EXPECT_FALSE(collecting.moderation);

  PublicPetition open = sponsored_petition(rules);
  publish(open, rules, at("2019-03-20T09:15:00Z"));
  EXPECT_EQ(kind_of_refusal([&] { add_sponsor(open, rules, 0); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of_refusal([&] { publish(open, rules, 0); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of_refusal([&] { reject(open, ModerationReason::duplicate, "", 0); }), ErrorKind::conflict);

  PublicPetition hidden = sponsored_petition(rules);
  hide(hidden, ModerationReason::offensive, "", 0);
  EXPECT_EQ(kind_of_refusal([&] { hide(hidden, ModerationReason::offensive, "", 0); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of_refusal([&] { publish(hidden, rules, 0); }), ErrorKind::conflict);
}

TEST(PublicPetitionLifecycle, TheTableOfMovesIsComplete) {
  using S = PublicPetitionState;
  using E = PetitionEvent;
  EXPECT_EQ(next_state(S::rejected, E::hide), S::hidden);
  EXPECT_EQ(next_state(S::closed, E::hide), S::hidden);
  for (const E event : {E::sponsor_signed, E::enough_sponsors, E::publish, E::reject, E::hide, E::close}) {
    EXPECT_THROW(next_state(S::hidden, event), Error) << "hidden is final";
  }
  for (const E event : {E::sponsor_signed, E::enough_sponsors, E::publish, E::reject, E::close}) {
    EXPECT_THROW(next_state(S::closed, event), Error);
  }
  try {
    next_state(S::collecting_sponsors, E::publish);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "cannot publish a petition that is collecting-sponsors");
  }
}

TEST(PublicPetitionLifecycle, ThresholdsRememberWhenTheyWereFirstReached) {
  PublicPetition petition = new_petition();
  ASSERT_EQ(petition.thresholds.size(), 2U);
  EXPECT_TRUE(note_signature_count(petition, 9'999, 100).empty());
  EXPECT_EQ(note_signature_count(petition, 10'000, 200), (std::vector<std::int64_t>{10'000}));
  EXPECT_TRUE(note_signature_count(petition, 9'000, 300).empty()) << "invalidation took it back below";
  EXPECT_TRUE(note_signature_count(petition, 10'500, 400).empty());
  EXPECT_EQ(petition.thresholds[0].reached_at, 200);
  EXPECT_EQ(note_signature_count(petition, 250'000, 500), (std::vector<std::int64_t>{100'000}));
  EXPECT_EQ(petition.thresholds[1].reached_at, 500);
}

TEST(PublicPetitionLifecycle, RulesAreChecked) {
  EXPECT_NO_THROW(check_rules(PetitionRules{}));
  EXPECT_THROW(check_rules(PetitionRules{0, 6, {}}), Error);
  EXPECT_THROW(check_rules(PetitionRules{5, 0, {}}), Error);
  EXPECT_THROW(check_rules(PetitionRules{5, 13, {}}), Error);
  try {
    check_rules(PetitionRules{5, 6, {100'000, 10'000}});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->field, "thresholds");
  }
}

TEST(ModerationReasons, RoundTripTheirWireNames) {
  for (const ModerationReason reason : all_moderation_reasons()) {
    EXPECT_EQ(parse_moderation_reason(to_string(reason)), reason);
    EXPECT_FALSE(public_description(reason).empty());
  }
  EXPECT_EQ(all_moderation_reasons().size(), 13U);
  EXPECT_EQ(parse_moderation_reason("fake-name"), ModerationReason::fake_name);
  EXPECT_EQ(parse_moderation_reason("Duplicate"), std::nullopt);
  EXPECT_FALSE(hides_text(ModerationReason::duplicate));
  EXPECT_TRUE(hides_text(ModerationReason::offensive));
}

TEST(PublicPetitionStates, RoundTripTheirWireNames) {
  for (const auto state :
       {PublicPetitionState::collecting_sponsors, PublicPetitionState::sponsored, PublicPetitionState::open,
        PublicPetitionState::closed, PublicPetitionState::rejected, PublicPetitionState::hidden}) {
    EXPECT_EQ(parse_public_petition_state(to_string(state)), state);
  }
  EXPECT_EQ(parse_public_petition_state("pending"), std::nullopt);
}

TEST(UtcTimestamp, ReadsWhatFormatUtcTimestampWrites) {
  EXPECT_EQ(parse_utc_timestamp("1970-01-01T00:00:00Z", "t"), 0);
  EXPECT_EQ(format_utc_timestamp(parse_utc_timestamp("2019-03-21T09:30:05Z", "t")), "2019-03-21T09:30:05Z");
  EXPECT_EQ(try_parse_utc_timestamp("2019-03-21 09:30:05Z"), std::nullopt);
  EXPECT_EQ(try_parse_utc_timestamp("2019-02-29T09:30:05Z"), std::nullopt);
  EXPECT_EQ(try_parse_utc_timestamp("2019-03-21T24:00:00Z"), std::nullopt);
  EXPECT_THROW(parse_utc_timestamp("yesterday", "from"), Error);
}

}  // namespace
}  // namespace recall::public_petition
