// Postal signing: the return rules as golden cases (tests/golden/petition/postal_*.json), then the
// issue deadline, a second sheet for the same elector, and who may do what.
#include <nlohmann/json.hpp>

#include "service_world.hpp"
#include "support/golden_cases.hpp"

namespace recall::testing {
namespace {

std::vector<GoldenCase> postal_cases() {
  std::vector<GoldenCase> out;
  for (auto& golden : golden_cases("petition")) {
    if (golden.name.starts_with("postal_")) out.push_back(std::move(golden));
  }
  return out;
}

class PostalGolden : public ServiceTest, public ::testing::WithParamInterface<GoldenCase> {
 protected:
  // The elector the case describes, issuing them a sheet first where the case needs one.
  std::string elector_for(const std::string& kind, std::int64_t id) {
    if (kind == "standing-postal") return elector(AbsentVote::postal).entry.elector_number;
    if (kind == "standing-postal-proxy") return elector(AbsentVote::postal_proxy).entry.elector_number;
    if (kind == "no-sheet") return elector(AbsentVote::none).entry.elector_number;
    if (kind == "under-18") return under_18().entry.elector_number;
    if (kind == "unregistered") return "PA-999999";
    if (kind == "applicant") {
      const std::string number = elector(AbsentVote::none).entry.elector_number;
      set_time("2019-03-25T11:00");
      service_.issue_postal_sheet(staff(Duty::postal_team), id, number);
      return number;
    }
    if (kind == "none") return "";
    throw std::runtime_error("unknown elector kind " + kind);
  }
};

TEST_P(PostalGolden, Case) {
  const nlohmann::json golden = read_golden(GetParam().path);
  const std::int64_t id = open_with_places();
  PostalReturnRequest request;
  request.petition_id = id;
  request.elector_number = elector_for(golden.at("elector"), id);
  request.received_on = day(golden.at("received_on").get<std::string>().c_str());
  request.official_mark = golden.value("official_mark", true);
  request.void_for_uncertainty = golden.value("void_for_uncertainty", false);
  request.date_of_birth_matched = golden.value("date_of_birth_matched", true);
  request.signature_matched = golden.value("signature_matched", true);
  set_time(golden.at("recorded_at"));

  const PostalReturnResult result = service_.record_postal_return(staff(Duty::postal_team), request);
  const nlohmann::json& expect = golden.at("expect");
  EXPECT_EQ(result.accepted, expect.at("accepted").get<bool>());
  EXPECT_FALSE(result.double_signing);
  const std::string rejection = result.rejection ? std::string(to_string(*result.rejection)) : "";
  EXPECT_EQ(rejection, expect.at("rejection").is_null() ? "" : expect.at("rejection").get<std::string>());

  const auto sheets = store_->petitions().list_signatures(id);
  ASSERT_EQ(sheets.size(), 1U);
  EXPECT_EQ(sheets[0].rejection, result.rejection);
  EXPECT_EQ(sheets[0].received_on, golden.at("received_on").get<std::string>());
  if (expect.contains("channel")) {
    EXPECT_EQ(to_string(sheets[0].channel), expect.at("channel").get<std::string>());
  }
  if (expect.contains("elector_number")) {
    EXPECT_EQ(sheets[0].elector_number, expect.at("elector_number").get<std::string>());
  }
  EXPECT_EQ(audit_actions("petition.sheet.postal").size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Cases, PostalGolden, ::testing::ValuesIn(postal_cases()),
                         [](const auto& test_info) { return test_info.param.name; });

class Postal : public ServiceTest {};

TEST_F(Postal, ASecondSheetForTheSameElectorIsRefusedByTheDatabase) {
  const std::int64_t id = open_with_places();
  set_time("2019-04-02T16:00");
  PostalReturnRequest request;
  request.petition_id = id;
  request.elector_number = elector(AbsentVote::postal).entry.elector_number;
  request.received_on = day("2019-04-02");
  ASSERT_TRUE(service_.record_postal_return(officer_, request).accepted);
  const PostalReturnResult second = service_.record_postal_return(officer_, request);
  EXPECT_FALSE(second.accepted);
  EXPECT_TRUE(second.double_signing);
  EXPECT_EQ(store_->petitions().list_signatures(id).size(), 1U);
  EXPECT_EQ(store_->petitions().list_double_signing_attempts(id).size(), 1U);

  // ... and an elector who signed by post cannot then sign in person.
  const std::string number = request.elector_number;
  const std::int64_t place =
      store_->petitions().load_allocation(id).at(std::string(polling_district_of(number)));
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id, place, number)).outcome, InPersonOutcome::already_signed);
}

TEST_F(Postal, ApplicationsCloseAt1700OnThe11thWorkingDayBeforeTheLastDay) {
  const std::int64_t id = open_with_places();
  // Last day Wed 1 May 2019; counting back 11 working days skips Easter Monday and Good Friday: Fri 12 April.
  set_time("2019-04-12T17:00");
  service_.issue_postal_sheet(officer_, id, elector(AbsentVote::none, std::nullopt, 0).entry.elector_number);
  set_time("2019-04-12T17:01");
  try {
    service_.issue_postal_sheet(officer_, id,
                                elector(AbsentVote::none, std::nullopt, 1).entry.elector_number);
    ADD_FAILURE() << "issued a sheet after the deadline";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  EXPECT_EQ(audit_actions("petition.postal.issue").size(), 1U);
}

TEST_F(Postal, OneSheetPerElectorAndOnlyToEntitledElectors) {
  const std::int64_t id = open_with_places();
  const std::string standing = elector(AbsentVote::postal).entry.elector_number;
  try {
    service_.issue_postal_sheet(officer_, id, standing);
    ADD_FAILURE() << "issued a second sheet";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  try {
    service_.issue_postal_sheet(officer_, id, under_18().entry.elector_number);
    ADD_FAILURE() << "issued a sheet to someone under 18 at the close";
  } catch (const Error& e) {
    EXPECT_EQ(e.where()->field, "elector_number");
  }
}

TEST_F(Postal, OnlyThePostalTeamAndTheOfficerRecordSheets) {
  const std::int64_t id = open_with_places();
  set_time("2019-04-02T16:00");
  PostalReturnRequest request;
  request.petition_id = id;
  request.elector_number = elector(AbsentVote::postal).entry.elector_number;
  request.received_on = day("2019-04-02");
  for (const Actor& actor : {staff(Duty::signing_place_clerk), Actor::public_user()}) {
    EXPECT_THROW(service_.record_postal_return(actor, request), Error);
  }
  EXPECT_TRUE(store_->petitions().list_signatures(id).empty());
  request.elector_number.clear();
  try {
    service_.record_postal_return(officer_, request);
    ADD_FAILURE() << "a sheet without an elector number that is not void";
  } catch (const Error& e) {
    EXPECT_EQ(e.where()->field, "elector_number");
  }
}

}  // namespace
}  // namespace recall::testing
