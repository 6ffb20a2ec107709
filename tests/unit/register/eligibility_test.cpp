// s.14 eligible electors: one hand-built case per rule, on and either side of each boundary day.
#include <gtest/gtest.h>

#include <vector>

#include "core/register/eligibility.hpp"

namespace recall {
namespace {

const Date notice = make_date(2019, 3, 5);
const Date cut_off = make_date(2019, 3, 14);
const Date close_day = make_date(2019, 5, 1);

RegisterEntry record(const char* number, ChangeKind kind, ChangeCause cause, Date effective) {
  RegisterEntry e;
  e.elector_number = number;
  e.change = kind;
  e.cause = cause;
  e.applied_on = make_date(2018, 12, 1);
  e.effective_on = effective;
  return e;
}

RegisterEntry added(const char* number, Date effective, ChangeCause cause = ChangeCause::application) {
  return record(number, ChangeKind::addition, cause, effective);
}

EligibilityCount count(const std::vector<RegisterEntry>& entries) {
  return count_eligible(entries, notice, cut_off, close_day);
}

TEST(Eligibility, PlainEntriesCount) {
  const auto c = count({added("SA-1", make_date(2018, 12, 1)), added("SA-2", notice)});
  EXPECT_EQ(c.eligible, 2);
  EXPECT_EQ(c, (EligibilityCount{2, 0, 0, 0, 0, 0}));
}

TEST(Eligibility, UnderEighteenOnCloseDayExcludedEighteenThatDayCounts) {
  auto turns_18_on_close = added("SA-1", make_date(2018, 12, 1));
  turns_18_on_close.markers.attainer = true;
  turns_18_on_close.date_of_birth = make_date(2001, 5, 1);
  auto turns_18_next_day = turns_18_on_close;
  turns_18_next_day.elector_number = "SA-2";
  turns_18_next_day.date_of_birth = make_date(2001, 5, 2);
  const auto c = count({turns_18_on_close, turns_18_next_day});
  EXPECT_EQ(c.eligible, 1);
  EXPECT_EQ(c.excluded_under_18, 1);
}

TEST(Eligibility, LateApplicationBetweenNoticeAndCutOffExcluded) {
  const auto c = count({added("SA-1", notice + std::chrono::days{1}, ChangeCause::late_application),
                        added("SA-2", cut_off, ChangeCause::late_application),
                        // effective on the notice day itself: not "after the notice"
                        added("SA-3", notice, ChangeCause::late_application)});
  EXPECT_EQ(c.eligible, 1);
  EXPECT_EQ(c.excluded_late_application, 2);
}

TEST(Eligibility, ApplicationMadeAfterNoticeIsLate) {
  auto e = added("SA-1", cut_off);
  e.applied_on = notice + std::chrono::days{1};
  auto on_time = added("SA-2", cut_off);
  on_time.applied_on = notice;
  const auto c = count({e, on_time});
  EXPECT_EQ(c.eligible, 1);
  EXPECT_EQ(c.excluded_late_application, 1);
}

TEST(Eligibility, AfterCutOffOnlyCourtOrdersAndErrorCorrectionsCount) {
  const Date after = cut_off + std::chrono::days{1};
  const auto c = count({added("SA-1", after), added("SA-2", after, ChangeCause::late_application),
                        added("SA-3", after, ChangeCause::court_order),
                        added("SA-4", close_day, ChangeCause::error_correction)});
  EXPECT_EQ(c.eligible, 2);
  EXPECT_EQ(c.excluded_after_cut_off, 2);
}

TEST(Eligibility, AfterCloseNotOnRegister) {
  const auto c = count({added("SA-1", close_day + std::chrono::days{1}, ChangeCause::court_order)});
  EXPECT_EQ(c.eligible, 0);
  EXPECT_EQ(c.not_yet_effective, 1);
}

TEST(Eligibility, DeletionsRemoveAndUncountedDeletionsLeaveEntry) {
  const auto c = count({added("SA-1", make_date(2018, 12, 1)),
                        record("SA-1", ChangeKind::deletion, ChangeCause::error_correction, close_day),
                        added("SA-2", make_date(2018, 12, 1)),
                        record("SA-2", ChangeKind::deletion, ChangeCause::application, cut_off + std::chrono::days{1})});
  EXPECT_EQ(c.eligible, 1);
  EXPECT_EQ(c.deleted, 1);
  EXPECT_EQ(c.excluded_after_cut_off, 1);
}

TEST(Eligibility, RecordsApplyInEffectiveDateOrder) {
  // The deletion comes first in the file but takes effect before the addition.
  const auto c = count({record("SA-1", ChangeKind::deletion, ChangeCause::application, make_date(2018, 1, 1)),
                        added("SA-1", make_date(2018, 6, 1))});
  EXPECT_EQ(c.eligible, 1);
  EXPECT_EQ(c.deleted, 0);
}

TEST(Eligibility, CorrectionReplacesDateOfBirth) {
  auto e = added("SA-1", make_date(2018, 12, 1));
  e.markers.attainer = true;
  e.date_of_birth = make_date(2002, 1, 1);
  auto fix = record("SA-1", ChangeKind::correction, ChangeCause::error_correction, make_date(2019, 4, 1));
  fix.date_of_birth = make_date(2001, 1, 1);
  EXPECT_EQ(count({e}).excluded_under_18, 1);
  EXPECT_EQ(count({e, fix}).eligible, 1);
}

TEST(Eligibility, AgeOnLeapDayBirthday) {
  EXPECT_EQ(age_on(make_date(2000, 2, 29), make_date(2018, 2, 28)), 17);
  EXPECT_EQ(age_on(make_date(2000, 2, 29), make_date(2018, 3, 1)), 18);
  EXPECT_EQ(age_on(make_date(2000, 2, 29), make_date(2020, 2, 29)), 20);
}

}  // namespace
}  // namespace recall
