#include <gtest/gtest.h>

#include "core/petition/petition.hpp"
#include "petition_fixture.hpp"

namespace recall {
namespace {

LocalDateTime at(int y, unsigned m, unsigned d, int hour = 12) { return LocalDateTime{make_date(y, m, d), hour * 60}; }

TEST(PetitionPhase, FollowsTheTimetable) {
  const Petition petition = testing::peterborough_petition();
  ASSERT_EQ(petition.timetable.designated_day, make_date(2019, 3, 19));
  ASSERT_EQ(petition.timetable.signing_period_end, make_date(2019, 5, 1));
  EXPECT_EQ(phase_of(petition, at(2019, 3, 18, 23)), PetitionPhase::awaiting_signing);
  EXPECT_EQ(phase_of(petition, LocalDateTime{make_date(2019, 3, 19), 0}), PetitionPhase::signing);
  EXPECT_EQ(phase_of(petition, LocalDateTime{make_date(2019, 5, 1), 23 * 60 + 59}), PetitionPhase::signing);
  EXPECT_EQ(phase_of(petition, LocalDateTime{make_date(2019, 5, 2), 0}), PetitionPhase::closed);
}

TEST(PetitionPhase, RecordedStepsMoveItOnAfterTheClose) {
  Petition petition = testing::peterborough_petition();
  petition.count = Declaration{};
  EXPECT_EQ(phase_of(petition, at(2019, 5, 2)), PetitionPhase::counted);
  petition.speaker_notified_at = "2019-05-02T01:00:00Z";
  EXPECT_EQ(phase_of(petition, at(2019, 5, 2)), PetitionPhase::speaker_notified);
  petition.declared_at = "2019-05-02T01:30:00Z";
  EXPECT_EQ(phase_of(petition, at(2019, 5, 2)), PetitionPhase::declared);
  EXPECT_FALSE(is_sealed(PetitionPhase::declared));
  EXPECT_TRUE(is_sealed(PetitionPhase::speaker_notified));
}

TEST(PetitionPhase, TerminationClosesAtOnce) {
  Petition petition = testing::peterborough_petition();
  petition.termination = Termination{make_date(2019, 4, 10), TerminationReason::seat_vacated, "MP resigned"};
  EXPECT_EQ(last_signing_day(petition), make_date(2019, 4, 9));
  EXPECT_EQ(phase_of(petition, at(2019, 4, 10)), PetitionPhase::closed);
  EXPECT_EQ(phase_of(petition, at(2019, 4, 9)), PetitionPhase::closed);  // recorded means given
}

TEST(PetitionPhase, WireNamesRoundTrip) {
  for (auto reason : {TerminationReason::dissolution, TerminationReason::seat_vacated,
                      TerminationReason::overturned_on_appeal}) {
    EXPECT_EQ(parse_termination_reason(to_string(reason)), reason);
  }
  EXPECT_FALSE(parse_termination_reason("resigned"));
  EXPECT_EQ(to_string(PetitionPhase::awaiting_signing), "awaiting-signing");
}

}  // namespace
}  // namespace recall
