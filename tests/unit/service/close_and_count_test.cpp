// Termination (s.13), the sealed count, the Speaker, the declaration and its by-election, and the
// audit log's sealed view.
#include "service_world.hpp"

namespace recall::testing {
namespace {

class CloseAndCount : public ServiceTest {
 protected:
  void SetUp() override { id_ = open_with_places(); }

  // `n` in-person signatures at place A on Wednesday 20 March.
  void sign(long n) {
    set_time("2019-03-20T10:00");
    for (long i = 0; i < n; ++i) {
      const std::string number =
          elector(AbsentVote::none, place_ids_[0], static_cast<std::size_t>(i)).entry.elector_number;
      ASSERT_EQ(service_.sign_in_person(officer_, in_person(id_, place_ids_[0], number)).outcome,
                InPersonOutcome::signed_petition);
    }
  }

  ErrorKind kind_of(const std::function<void()>& step) {
    try {
      step();
    } catch (const Error& e) {
      return e.kind();
    }
    return ErrorKind::internal;  // "no error", which no step here throws
  }

  std::int64_t id_ = 0;
};

TEST_F(CloseAndCount, CountOnlyAfterTheCloseThenSpeakerThenDeclarationWithABYElection) {
  sign(3);
  set_time("2019-05-01T18:00");  // the last day, after the places shut: still the signing period
  EXPECT_EQ(kind_of([&] { service_.run_count(officer_, id_); }), ErrorKind::conflict);
  set_time("2019-05-02T09:00");
  EXPECT_EQ(kind_of([&] { service_.declare(officer_, id_); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { service_.run_count(staff(Duty::postal_team), id_); }), ErrorKind::forbidden);

  const Declaration count = service_.run_count(officer_, id_);
  EXPECT_EQ(count.valid_signatures, 3);
  EXPECT_EQ(count.eligible, 4500);
  EXPECT_FALSE(count.successful);
  EXPECT_EQ(count.required, 450);
  EXPECT_EQ(count.percent_tenths, 1);  // 3 / 4500 = 0.067%, shown as 0.1%

  // Sealed: the public and the staff see no count; the officer does.
  EXPECT_FALSE(service_.public_petition(id_)->petition.count);
  EXPECT_FALSE(service_.petition_for_staff(staff(Duty::signing_place_clerk), id_).count);
  EXPECT_TRUE(service_.petition_for_staff(officer_, id_).count);
  EXPECT_FALSE(service_.declared_result(id_));

  EXPECT_EQ(kind_of([&] { service_.declare(officer_, id_); }), ErrorKind::conflict);  // the Speaker first
  service_.record_speaker_notified(officer_, id_);
  const Declaration declared = service_.declare(officer_, id_);
  EXPECT_EQ(declared, count);
  EXPECT_EQ(service_.declared_result(id_), count);
  EXPECT_EQ(service_.public_petition(id_)->phase, PetitionPhase::declared);
  EXPECT_EQ(service_.public_petition(id_)->petition.count, count);
  EXPECT_TRUE(store_->petitions().list_by_elections().empty());  // unsuccessful: no vacancy
}

TEST_F(CloseAndCount, ASuccessfulDeclarationOpensTheByElectionInTheSameStep) {
  set_time("2019-03-20T10:00");
  long signed_count = 0;
  for (const PetitionElector* e : electors_->electors()) {
    if (signed_count == 450) break;
    if (!e->entitled || e->entry.absent_vote == AbsentVote::proxy) continue;
    const std::int64_t place = store_->petitions().load_allocation(id_).at(
        std::string(polling_district_of(e->entry.elector_number)));
    ASSERT_EQ(service_.sign_in_person(officer_, in_person(id_, place, e->entry.elector_number)).outcome,
              InPersonOutcome::signed_petition);
    ++signed_count;
  }
  set_time("2019-05-02T12:00");
  EXPECT_TRUE(service_.run_count(officer_, id_).successful);  // 450 * 10 >= 4500, exactly
  service_.record_speaker_notified(officer_, id_);
  const Declaration result = service_.declare(officer_, id_);
  EXPECT_EQ(result.percent_tenths, 100);
  const auto by_elections = store_->petitions().list_by_elections();
  ASSERT_EQ(by_elections.size(), 1U);
  EXPECT_EQ(by_elections[0].ons_code, peterborough);
  EXPECT_EQ(by_elections[0].petition_id, id_);
  EXPECT_EQ(by_elections[0].vacancy_at, *store_->petitions().find_petition(id_)->declared_at);
  const auto declared = audit_actions("petition.declare");
  ASSERT_EQ(declared.size(), 1U);
  EXPECT_NE(declared[0].detail.find("by_election_id"), std::string::npos);
}

TEST_F(CloseAndCount, TerminationStopsSigningAndThereIsNoCount) {
  sign(1);
  set_time("2019-04-03T18:00");
  Termination termination{day("2019-04-03"), TerminationReason::seat_vacated,
                          "MP resigned (Chiltern Hundreds)"};
  EXPECT_EQ(kind_of([&] { service_.terminate(staff(Duty::postal_team), id_, termination); }),
            ErrorKind::forbidden);
  termination.detail.clear();
  EXPECT_EQ(kind_of([&] { service_.terminate(officer_, id_, termination); }), ErrorKind::invalid_input);
  termination.detail = "MP resigned (Chiltern Hundreds)";
  service_.terminate(officer_, id_, termination);
  EXPECT_EQ(audit_actions("petition.terminate").size(), 1U);

  set_time("2019-04-04T10:00");  // the next working day: the places are shut for good
  const std::string number = elector(AbsentVote::none, place_ids_[0], 5).entry.elector_number;
  EXPECT_EQ(service_.sign_in_person(officer_, in_person(id_, place_ids_[0], number)).outcome,
            InPersonOutcome::place_closed);
  EXPECT_EQ(service_.public_petition(id_)->phase, PetitionPhase::closed);
  EXPECT_EQ(kind_of([&] { service_.run_count(officer_, id_); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { service_.terminate(officer_, id_, termination); }), ErrorKind::conflict);
}

TEST_F(CloseAndCount, TheAuditLogHidesSheetEntriesUntilTheDeclaration) {
  sign(2);
  const auto sheet_entries = [&] {
    long n = 0;
    for (const AuditEntry& e : service_.audit_entries(officer_))
      n += e.action.starts_with("petition.sheet.") ? 1 : 0;
    return n;
  };
  EXPECT_EQ(audit_actions("petition.sheet.").size(), 2U);  // written ...
  EXPECT_EQ(sheet_entries(), 0);                           // ... but not shown while sealed
  EXPECT_EQ(kind_of([&] { service_.audit_entries(staff(Duty::signing_place_clerk)); }), ErrorKind::forbidden);

  set_time("2019-05-02T12:00");
  service_.run_count(officer_, id_);
  EXPECT_EQ(sheet_entries(), 0);
  service_.record_speaker_notified(officer_, id_);
  service_.declare(officer_, id_);
  EXPECT_EQ(sheet_entries(), 2);

  // Every step left its entry.
  std::vector<std::string> actions;
  for (const AuditEntry& e : service_.audit_entries(officer_)) actions.push_back(e.action);
  for (const char* action : {"petition.open", "petition.place.add", "petition.sheet.in-person",
                             "petition.count", "petition.notify-speaker", "petition.declare"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  }
}

}  // namespace
}  // namespace recall::testing
