// Opening a petition: who may, what the policy must allow, the register it needs, the postal sheets
// it issues, and what the public may see of it.
#include "service_world.hpp"

namespace recall::testing {
namespace {

ErrorKind kind_of(const std::function<void()>& step) {
  try {
    step();
  } catch (const Error& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no error";
  return ErrorKind::internal;
}

std::string field_of(const std::function<void()>& step) {
  try {
    step();
  } catch (const Error& e) {
    return e.where() ? e.where()->field : "(no location)";
  }
  return "(no error)";
}

class Opening : public ServiceTest {};

TEST_F(Opening, OfficerOpensWithThePolicyTimetableAndIssuesStandingPostalSheets) {
  import_register();
  const Petition petition = service_.open_petition(officer_, peterborough_request());
  EXPECT_EQ(petition.timetable.designated_day, day("2019-03-19"));
  EXPECT_EQ(petition.timetable.signing_period_end, day("2019-05-01"));
  EXPECT_EQ(petition.maximum_signing_places, 10);
  EXPECT_EQ(petition.constituency_name, "Peterborough");
  EXPECT_EQ(petition.mp_name, "Fiona Onasanya");

  long postal_voters = 0;
  for (const PetitionElector* e : electors_->electors()) {
    const AbsentVote v = e->entry.absent_vote;
    if (e->entitled && (v == AbsentVote::postal || v == AbsentVote::postal_proxy)) ++postal_voters;
  }
  const auto issues = service_.postal_issues(officer_, petition.id);
  ASSERT_GT(postal_voters, 0);
  EXPECT_EQ(std::ssize(issues), postal_voters);
  for (const PostalIssue& issue : issues) EXPECT_EQ(issue.reason, "standing-postal-vote");

  const auto opened = audit_actions("petition.open");
  ASSERT_EQ(opened.size(), 1U);
  EXPECT_EQ(opened[0].target, "petition/" + std::to_string(petition.id));
  EXPECT_EQ(opened[0].actor_email, "officer@example.org");
  EXPECT_EQ(opened[0].role, "petition-officer");
}

TEST_F(Opening, StaffAreForbiddenAndThePublicMustSignIn) {
  import_register();
  EXPECT_EQ(
      kind_of([&] { service_.open_petition(staff(Duty::signing_place_clerk), peterborough_request()); }),
      ErrorKind::forbidden);
  EXPECT_EQ(kind_of([&] { service_.open_petition(Actor::public_user("192.0.2.1"), peterborough_request()); }),
            ErrorKind::unauthenticated);
  EXPECT_TRUE(store_->petitions().list_petitions().empty());
  EXPECT_TRUE(audit_actions("petition.").empty());
}

TEST_F(Opening, ThePolicyMustRecogniseTheCondition) {
  import_register();
  OpenPetitionRequest request = peterborough_request();
  request.condition = "party-change";  // not a condition of the 2015 Act
  EXPECT_EQ(field_of([&] { service_.open_petition(officer_, request); }), "condition");
  request.condition = "no-such-condition";
  EXPECT_EQ(field_of([&] { service_.open_petition(officer_, request); }), "condition");
  request = peterborough_request();
  request.condition_detail.clear();
  EXPECT_EQ(field_of([&] { service_.open_petition(officer_, request); }), "condition_detail");
  request = peterborough_request();
  request.overrides.extend_for_bank_holidays = false;
  EXPECT_EQ(field_of([&] { service_.open_petition(officer_, request); }), "override_reason");
  request.override_reason = "the officer keeps the six weeks";
  EXPECT_EQ(service_.open_petition(officer_, request).timetable.signing_period_end, day("2019-04-29"));
}

TEST_F(Opening, NeedsARegisterAndOnlyOnePetitionAtATime) {
  EXPECT_EQ(kind_of([&] { service_.open_petition(officer_, peterborough_request()); }), ErrorKind::conflict);
  import_register();
  service_.open_petition(officer_, peterborough_request());
  EXPECT_EQ(kind_of([&] { service_.open_petition(officer_, peterborough_request()); }), ErrorKind::conflict);
}

TEST_F(Opening, CannotOpenOnceSigningWouldHaveBegun) {
  import_register();
  set_time("2019-03-19T09:00");
  EXPECT_EQ(kind_of([&] { service_.open_petition(officer_, peterborough_request()); }), ErrorKind::conflict);
  set_time("2019-03-04T09:00");
  EXPECT_EQ(field_of([&] { service_.open_petition(officer_, peterborough_request()); }), "notice");
}

TEST_F(Opening, ThePublicSeeTheRequirementButNeverACount) {
  const std::int64_t id = open_with_places();
  const auto view = service_.public_petition(id);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->phase, PetitionPhase::awaiting_signing);
  EXPECT_GT(view->eligible_at_requirement, 0);
  EXPECT_EQ(view->signatures_required, (view->eligible_at_requirement + 9) / 10);
  EXPECT_EQ(view->places.size(), 2U);
  EXPECT_FALSE(view->petition.count);
  EXPECT_FALSE(service_.public_petition(id + 100));
}

}  // namespace
}  // namespace recall::testing
