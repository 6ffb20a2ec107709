// Signing in person: the order of the checks, the database deciding a double, and what a clerk at the
// wrong place may learn (nothing beyond "not this place").
#include "service_world.hpp"

namespace recall::testing {
namespace {

class InPerson : public ServiceTest {
 protected:
  void SetUp() override {
    id_ = open_with_places();
    set_time("2019-03-20T10:30");  // a Wednesday in the signing period
  }
  std::int64_t place_a() const { return place_ids_[0]; }
  std::int64_t place_b() const { return place_ids_[1]; }
  std::int64_t id_ = 0;
};

TEST_F(InPerson, SignsAtTheElectorsPlaceOnceAndTheDatabaseRefusesTheSecond) {
  const std::string number = elector(AbsentVote::none, place_a()).entry.elector_number;
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), number)).outcome,
            InPersonOutcome::signed_petition);
  const auto sheet = store_->petitions().find_signature(id_, number);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->channel, SigningChannel::in_person);
  EXPECT_EQ(sheet->place_id, place_a());
  EXPECT_EQ(sheet->received_on, "2019-03-20");
  EXPECT_TRUE(store_->petitions().list_double_signing_attempts(id_).empty());

  set_time("2019-03-21T11:00");
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), number)).outcome,
            InPersonOutcome::already_signed);
  const auto attempts = store_->petitions().list_double_signing_attempts(id_);
  ASSERT_EQ(attempts.size(), 1U);
  EXPECT_EQ(attempts[0].elector_number, number);
  EXPECT_EQ(store_->petitions().list_signatures(id_).size(), 1U);
}

TEST_F(InPerson, AtAnotherPlaceTheAnswerIsWrongPlaceWhetherOrNotTheyHaveSigned) {
  const std::string signed_before = elector(AbsentVote::none, place_a(), 0).entry.elector_number;
  const std::string never_signed = elector(AbsentVote::none, place_a(), 1).entry.elector_number;
  ASSERT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), signed_before)).outcome,
            InPersonOutcome::signed_petition);

  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_b(), signed_before)).outcome,
            InPersonOutcome::wrong_place);
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_b(), never_signed)).outcome,
            InPersonOutcome::wrong_place);
  // The officer still learns of the attempt by someone who had signed, silently.
  const auto attempts = store_->petitions().list_double_signing_attempts(id_);
  ASSERT_EQ(attempts.size(), 1U);
  EXPECT_EQ(attempts[0].elector_number, signed_before);
  EXPECT_EQ(attempts[0].place_id, place_b());

  // The clerk at the other place sees where the elector signs, not whether they have.
  const auto rows =
      service_.clerk_lookup(staff(Duty::signing_place_clerk), id_, place_b(), signed_before, "");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_FALSE(rows[0].at_this_place);
  EXPECT_FALSE(rows[0].already_marked.has_value());
  const auto own = service_.clerk_lookup(staff(Duty::signing_place_clerk), id_, place_a(), signed_before, "");
  ASSERT_EQ(own.size(), 1U);
  EXPECT_EQ(own[0].already_marked, std::optional<bool>(true));
}

TEST_F(InPerson, PlacesAreOpenOnlyInTheirHoursOnWorkingDaysOfThePeriod) {
  const std::string number = elector(AbsentVote::none, place_a()).entry.elector_number;
  for (const char* when : {"2019-03-18T12:00",     // the day before the designated day
                           "2019-03-20T08:59",     // before 09:00
                           "2019-03-20T17:00",     // at closing time
                           "2019-03-23T12:00",     // a Saturday
                           "2019-04-19T12:00",     // Good Friday
                           "2019-05-02T12:00"}) {  // after the last day
    set_time(when);
    EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), number)).outcome,
              InPersonOutcome::place_closed)
        << when;
  }
  EXPECT_FALSE(store_->petitions().find_signature(id_, number));
  set_time("2019-05-01T16:59");  // the last minute of the (extended) period
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), number)).outcome,
            InPersonOutcome::signed_petition);
}

TEST_F(InPerson, EntitlementAndProxies) {
  const PetitionElector& minor = under_18();
  const std::int64_t minor_place = store_->petitions().load_allocation(id_).at(
      std::string(polling_district_of(minor.entry.elector_number)));
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, minor_place, minor.entry.elector_number)).outcome,
            InPersonOutcome::not_entitled);
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_a(), "ZZ-999")).outcome,
            InPersonOutcome::not_entitled);

  InPersonRequest by_proxy =
      in_person(id_, place_a(), elector(AbsentVote::none, place_a()).entry.elector_number);
  by_proxy.proxy_name = "Pat Proxy";
  by_proxy.proxy_address = "1 Long Causeway, Peterborough";
  EXPECT_EQ(service_.sign_in_person(officer_, by_proxy).outcome, InPersonOutcome::no_proxy);

  const PetitionElector& appointed = elector(AbsentVote::proxy);
  const std::int64_t their_place = store_->petitions().load_allocation(id_).at(
      std::string(polling_district_of(appointed.entry.elector_number)));
  by_proxy = in_person(id_, their_place, appointed.entry.elector_number);
  by_proxy.proxy_name = appointed.entry.proxy_name;
  by_proxy.proxy_address = appointed.entry.proxy_address;
  EXPECT_EQ(service_.sign_in_person(officer_, by_proxy).outcome, InPersonOutcome::signed_petition);
  EXPECT_EQ(store_->petitions().find_signature(id_, appointed.entry.elector_number)->channel,
            SigningChannel::proxy_in_person);
}

TEST_F(InPerson, InputErrorsNameTheFieldAndRolesAreChecked) {
  InPersonRequest request =
      in_person(id_, place_a(), elector(AbsentVote::none, place_a()).entry.elector_number);
  request.identity_evidence.clear();
  try {
    service_.sign_in_person(officer_, request);
    ADD_FAILURE() << "accepted a signature without identity evidence";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(e.where()->field, "identity_evidence");
  }
  request.identity_evidence = "passport";
  request.proxy_name = "Pat Proxy";
  try {
    service_.sign_in_person(officer_, request);
    ADD_FAILURE() << "accepted a proxy without an address";
  } catch (const Error& e) {
    EXPECT_EQ(e.where()->field, "proxy_address");
  }
  request.proxy_name.clear();
  try {
    service_.sign_in_person(staff(Duty::postal_team), request);
    ADD_FAILURE() << "the postal team marked the register";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::forbidden);
  }
  const Actor clerk = staff(Duty::signing_place_clerk);
  EXPECT_EQ(service_.sign_in_person(clerk, request).outcome, InPersonOutcome::signed_petition);
  EXPECT_EQ(store_->petitions().find_signature(id_, request.elector_number)->recorded_by, clerk.user_id);
}

TEST_F(InPerson, EveryOutcomeIsAuditedAsASheetEntry) {
  const std::string number = elector(AbsentVote::none, place_a()).entry.elector_number;
  service_.sign_in_person(officer_, in_person(id_, place_a(), number));
  service_.sign_in_person(officer_, in_person(id_, place_b(), number));
  const auto entries = audit_actions("petition.sheet.in-person");
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_NE(entries[0].detail.find("\"signed\""), std::string::npos);
  EXPECT_NE(entries[1].detail.find("\"wrong-place\""), std::string::npos);
}

}  // namespace
}  // namespace recall::testing
