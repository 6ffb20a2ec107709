// PetitionStore contract, the petition itself: round trips of everything recorded on it, the
// one-unfinished-petition-per-constituency rule, and by-elections.
#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

constexpr const char* peterborough = "E14000864";

Declaration sample_count() {
  Declaration count;
  count.eligible = 69'673;
  count.valid_signatures = 19'261;
  count.rejected = 4;
  count.rejected_by_reason = {{RejectionReason::want_of_official_mark, 1},
                              {RejectionReason::unmarked_or_void_for_uncertainty, 2},
                              {RejectionReason::identifiers_failed, 1}};
  count.percent_tenths = 276;
  count.required = 6'968;
  count.successful = true;
  count.eligibility = {69'673, 120, 15, 33, 410, 7};
  return count;
}

}  // namespace

TEST_P(StoreContract, PetitionRoundTripsAsComputedAtOpening) {
  auto store = open();
  Petition petition = sample_petition(peterborough, import_sample_register(*store, peterborough));
  ASSERT_EQ(petition.timetable.closures.size(), 2u) << "Good Friday and Easter Monday fall in the period";
  ASSERT_TRUE(petition.timetable.cut_off_day.has_value());
  petition.overrides.extend_for_bank_holidays = true;
  petition.override_reason = "Signing places shut on bank holidays, as in earlier petitions";
  petition.online_signing = true;
  petition.proxy_signing = false;

  petition.id = store->petitions().create_petition(petition);
  EXPECT_GT(petition.id, 0);
  EXPECT_EQ(store->petitions().find_petition(petition.id), petition);
  EXPECT_EQ(store->petitions().list_petitions(), std::vector<Petition>{petition});
  EXPECT_EQ(store->petitions().find_petition(petition.id + 1), std::nullopt);
}

TEST_P(StoreContract, PetitionWithoutNoticeOrOverridesRoundTrips) {
  auto store = open();
  Petition petition = sample_petition(peterborough, import_sample_register(*store, peterborough));
  // A petition known only from its designated day: no notice, requirement notice or cut-off day.
  petition.timetable.notice.reset();
  petition.timetable.requirement_notice_by.reset();
  petition.timetable.cut_off_day.reset();
  petition.timetable.closures.clear();
  petition.overrides.designated_day = petition.timetable.designated_day;
  petition.overrides.extend_for_bank_holidays = false;
  petition.maximum_signing_places = 0;
  petition.id = store->petitions().create_petition(petition);
  EXPECT_EQ(store->petitions().find_petition(petition.id), petition);
}

TEST_P(StoreContract, PetitionStepsAreRecorded) {
  auto store = open();
  auto& petitions = store->petitions();
  Petition petition = sample_petition(peterborough, import_sample_register(*store, peterborough));
  petition.id = petitions.create_petition(petition);

  petitions.set_count(petition.id, sample_count(), "2019-05-02T00:40:00Z");
  petition.count = sample_count();
  petition.counted_at = "2019-05-02T00:40:00Z";
  EXPECT_EQ(petitions.find_petition(petition.id), petition);

  // A recount replaces the count and its rejections, including reasons that no longer occur.
  Declaration recount = sample_count();
  recount.rejected = 1;
  recount.rejected_by_reason = {{RejectionReason::received_late, 1}};
  petitions.set_count(petition.id, recount, "2019-05-02T01:10:00Z");
  petition.count = recount;
  petition.counted_at = "2019-05-02T01:10:00Z";
  EXPECT_EQ(petitions.find_petition(petition.id), petition);

  petitions.set_speaker_notified(petition.id, "2019-05-02T01:30:00Z");
  petitions.set_declared(petition.id, "2019-05-02T01:45:00Z");
  petition.speaker_notified_at = "2019-05-02T01:30:00Z";
  petition.declared_at = "2019-05-02T01:45:00Z";
  EXPECT_EQ(petitions.find_petition(petition.id), petition);
  EXPECT_EQ(petitions.list_petitions(), std::vector<Petition>{petition});
}

TEST_P(StoreContract, PetitionTerminationIsRecorded) {
  auto store = open();
  Petition petition = sample_petition("E14000869", import_sample_register(*store, "E14000869"));
  petition.id = store->petitions().create_petition(petition);
  const Termination termination{make_date(2019, 4, 2), TerminationReason::seat_vacated,
                                "MP resigned (Chiltern Hundreds)"};
  store->petitions().set_termination(petition.id, termination);
  petition.termination = termination;
  EXPECT_EQ(store->petitions().find_petition(petition.id), petition);
}

TEST_P(StoreContract, StepsOnAnUnknownPetitionAreNotFound) {
  auto store = open();
  auto& petitions = store->petitions();
  EXPECT_EQ(error_kind_of([&] {
              petitions.set_termination(9, {make_date(2019, 4, 2), TerminationReason::dissolution, ""});
            }),
            ErrorKind::not_found);
  EXPECT_EQ(error_kind_of([&] { petitions.set_count(9, sample_count(), "2019-05-02T00:40:00Z"); }),
            ErrorKind::not_found);
  EXPECT_EQ(error_kind_of([&] { petitions.set_speaker_notified(9, "2019-05-02T00:40:00Z"); }),
            ErrorKind::not_found);
  EXPECT_EQ(error_kind_of([&] { petitions.set_declared(9, "2019-05-02T00:40:00Z"); }), ErrorKind::not_found);
}

TEST_P(StoreContract, BadPetitionInputNamesTheField) {
  auto store = open();
  const Petition good = sample_petition(peterborough, import_sample_register(*store, peterborough));
  std::string field;
  Petition bad = good;
  bad.register_id = good.register_id + 100;
  EXPECT_EQ(error_kind_of([&] { store->petitions().create_petition(bad); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "register_id");
  bad = good;
  bad.opened_at = "2019-03-05 16:30";
  EXPECT_EQ(error_kind_of([&] { store->petitions().create_petition(bad); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "opened_at");
  bad = good;
  bad.ons_code = "";
  EXPECT_EQ(error_kind_of([&] { store->petitions().create_petition(bad); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "ons_code");
  EXPECT_EQ(error_kind_of([&] { store->petitions().set_declared(1, "yesterday"); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "declared_at");
  EXPECT_TRUE(store->petitions().list_petitions().empty());
}

TEST_P(StoreContract, AtMostOneUnfinishedPetitionPerConstituency) {
  auto store = open();
  auto& petitions = store->petitions();
  const std::int64_t register_id = import_sample_register(*store, peterborough);
  const std::int64_t first = petitions.create_petition(sample_petition(peterborough, register_id));

  std::string field;
  EXPECT_EQ(
      error_kind_of([&] { petitions.create_petition(sample_petition(peterborough, register_id)); }, &field),
      ErrorKind::conflict);
  EXPECT_EQ(field, "ons_code");
  EXPECT_EQ(petitions.list_petitions().size(), 1u);

  // Counted and even with the Speaker notified is still under way: only the declaration finishes it.
  petitions.set_count(first, sample_count(), "2019-05-02T00:40:00Z");
  petitions.set_speaker_notified(first, "2019-05-02T01:30:00Z");
  EXPECT_EQ(error_kind_of([&] { petitions.create_petition(sample_petition(peterborough, register_id)); }),
            ErrorKind::conflict);

  // Another constituency is unaffected.
  const std::int64_t other_register = import_sample_register(*store, "N06000012");
  const std::int64_t other = petitions.create_petition(sample_petition("N06000012", other_register));

  petitions.set_declared(first, "2019-05-02T01:45:00Z");
  const std::int64_t second = petitions.create_petition(sample_petition(peterborough, register_id));
  EXPECT_GT(second, other);

  // A terminated petition is finished too.
  petitions.set_termination(second,
                            {make_date(2019, 6, 1), TerminationReason::dissolution, "Parliament dissolved"});
  const std::int64_t third = petitions.create_petition(sample_petition(peterborough, register_id));
  EXPECT_EQ(petitions.list_petitions().size(), 4u);
  EXPECT_EQ(error_kind_of([&] { petitions.create_petition(sample_petition(peterborough, register_id)); }),
            ErrorKind::conflict);
  EXPECT_EQ(petitions.list_petitions().back().id, third);
}

TEST_P(StoreContract, RefusedSecondPetitionLeavesTheCallersTransactionUsable) {
  auto store = open();
  const std::int64_t register_id = import_sample_register(*store, peterborough);
  store->petitions().create_petition(sample_petition(peterborough, register_id));
  store->transaction([&] {
    EXPECT_EQ(error_kind_of(
                  [&] { store->petitions().create_petition(sample_petition(peterborough, register_id)); }),
              ErrorKind::conflict);
    store->outbox().enqueue({0, "officer@example.org", "Petition refused", "Already under way",
                             "2019-03-06T09:00:00Z", 0, 0, "", std::nullopt, std::nullopt});
  });
  EXPECT_EQ(store->outbox().list_outbox().size(), 1u);
  EXPECT_EQ(store->petitions().list_petitions().size(), 1u);
}

TEST_P(StoreContract, OneByElectionPerPetition) {
  auto store = open();
  auto& petitions = store->petitions();
  const std::int64_t id =
      petitions.create_petition(sample_petition(peterborough, import_sample_register(*store, peterborough)));
  EXPECT_TRUE(petitions.list_by_elections().empty());
  ByElection by_election{0, peterborough, id, "2019-05-02T01:45:00Z", "vacancy"};
  by_election.id = petitions.add_by_election(by_election);
  EXPECT_EQ(petitions.list_by_elections(), std::vector<ByElection>{by_election});
  EXPECT_EQ(error_kind_of([&] { petitions.add_by_election(by_election); }), ErrorKind::conflict);
  EXPECT_EQ(error_kind_of([&] {
              petitions.add_by_election({0, peterborough, id + 1, "2019-05-02T01:45:00Z", "vacancy"});
            }),
            ErrorKind::not_found);
  EXPECT_EQ(petitions.list_by_elections().size(), 1u);
}

}  // namespace recall::contract
