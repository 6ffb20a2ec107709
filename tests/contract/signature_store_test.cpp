// PetitionStore contract, signing (s.11, s.12): postal sheets issued once, one sheet per elector across
// every channel decided by the database, and a refused second sheet recorded as an attempt in the
// same transaction.
#include <algorithm>
#include <thread>

#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

struct Running {
  std::int64_t petition_id = 0;
  std::int64_t place_id = 0;
  std::int64_t clerk_id = 0;
};

Running open_petition(Store& store, const std::string& ons_code = "E14000864") {
  Running out;
  out.petition_id =
      store.petitions().create_petition(sample_petition(ons_code, import_sample_register(store, ons_code)));
  out.place_id = store.petitions().add_place(sample_place(out.petition_id, "Town Hall"));
  out.clerk_id = add_clerk(store, "clerk-" + ons_code + "@example.org");
  return out;
}

SignatureSheet postal_sheet(std::int64_t petition_id, const std::string& elector_number) {
  SignatureSheet sheet;
  sheet.petition_id = petition_id;
  sheet.elector_number = elector_number;
  sheet.channel = SigningChannel::postal;
  sheet.date_of_birth_matched = true;
  sheet.signature_matched = false;
  sheet.rejection = RejectionReason::identifiers_failed;
  sheet.recorded_at = "2019-04-30T14:00:00Z";
  sheet.received_on = "2019-04-30";
  return sheet;
}

SignatureSheet void_sheet(std::int64_t petition_id) {
  SignatureSheet sheet;
  sheet.petition_id = petition_id;
  sheet.channel = SigningChannel::postal;
  sheet.rejection = RejectionReason::unmarked_or_void_for_uncertainty;
  sheet.official_mark = false;
  sheet.recorded_at = "2019-05-01T20:00:00Z";
  sheet.received_on = "2019-05-01";
  return sheet;
}

DoubleSigningAttempt attempt_for(const Running& r, const std::string& elector_number) {
  return {0,          r.petition_id, elector_number,        SigningChannel::in_person,
          r.place_id, r.clerk_id,    "2019-03-20T10:00:00Z"};
}

}  // namespace

TEST_P(StoreContract, PostalSheetIsIssuedOncePerElector) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  const Running other = open_petition(*store, "S14000051");
  PostalIssue issue{0,         r.petition_id, "PA-12", true, "standing-postal-vote", "2019-03-12T08:00:00Z",
                    r.clerk_id};
  issue.id = petitions.add_postal_issue(issue);
  PostalIssue by_application{
      0, r.petition_id, "PA-13", false, "application", "2019-03-13T08:00:00Z", std::nullopt};
  by_application.id = petitions.add_postal_issue(by_application);

  std::string field;
  PostalIssue again = issue;
  again.reason = "application";
  EXPECT_EQ(error_kind_of([&] { petitions.add_postal_issue(again); }, &field), ErrorKind::conflict);
  EXPECT_EQ(field, "elector_number");
  // The same elector number in another petition is another person's sheet.
  PostalIssue elsewhere = issue;
  elsewhere.petition_id = other.petition_id;
  elsewhere.issued_by = other.clerk_id;
  elsewhere.id = petitions.add_postal_issue(elsewhere);

  EXPECT_EQ(petitions.list_postal_issues(r.petition_id), (std::vector<PostalIssue>{issue, by_application}));
  EXPECT_EQ(petitions.find_postal_issue(r.petition_id, "PA-12"), issue);
  EXPECT_EQ(petitions.find_postal_issue(other.petition_id, "PA-12"), elsewhere);
  EXPECT_EQ(petitions.find_postal_issue(r.petition_id, "PA-14"), std::nullopt);

  PostalIssue bad = issue;
  bad.elector_number = "PA-20";
  bad.reason = "asked nicely";
  EXPECT_EQ(error_kind_of([&] { petitions.add_postal_issue(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "reason");
  bad.reason = "application";
  bad.issued_by = 4242;
  EXPECT_EQ(error_kind_of([&] { petitions.add_postal_issue(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "issued_by");
}

TEST_P(StoreContract, SignatureSheetsOfEveryChannelRoundTrip) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  SignatureSheet in_person = in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id);
  SignatureSheet postal = postal_sheet(r.petition_id, "PA-2");
  SignatureSheet proxy = in_person_sheet(r.petition_id, "PB-7", r.place_id, r.clerk_id);
  proxy.channel = SigningChannel::proxy_in_person;
  proxy.proxy_name = "Ann Proxy";
  proxy.proxy_address = "1 High Street\nPeterborough";
  proxy.identity_evidence = "driving-licence";
  SignatureSheet online;
  online.petition_id = r.petition_id;
  online.elector_number = "PC-3";
  online.channel = SigningChannel::online;
  online.receipt = "R-7F3K-22QA";
  online.recorded_at = "2019-03-21T22:59:59Z";
  online.received_on = "2019-03-21";
  SignatureSheet unmarked = void_sheet(r.petition_id);

  for (SignatureSheet* sheet : {&in_person, &postal, &proxy, &online, &unmarked})
    sheet->id = petitions.add_signature(*sheet);
  EXPECT_EQ(petitions.list_signatures(r.petition_id),
            (std::vector<SignatureSheet>{in_person, postal, proxy, online, unmarked}));
  EXPECT_EQ(petitions.find_signature(r.petition_id, "PB-7"), proxy);
  EXPECT_EQ(petitions.find_signature(r.petition_id, "PA-2"), postal);
  EXPECT_EQ(petitions.find_signature(r.petition_id, "PZ-9"), std::nullopt);
  EXPECT_EQ(petitions.find_signature(r.petition_id, ""), std::nullopt) << "a void sheet names nobody";
}

TEST_P(StoreContract, AConditionalAttemptIsRecordedOnlyForAnElectorWhoHasSigned) {
  auto store = open();
  const Running running = open_petition(*store);
  auto& petitions = store->petitions();
  petitions.add_signature(in_person_sheet(running.petition_id, "SA-1", running.place_id, running.clerk_id));
  const DoubleSigningAttempt signed_elector{0, running.petition_id, "SA-1", SigningChannel::in_person,
                                           running.place_id, running.clerk_id, "2019-03-20T10:00:00Z"};
  DoubleSigningAttempt unsigned_elector = signed_elector;
  unsigned_elector.elector_number = "SA-2";
  store->transaction([&] {
    petitions.add_double_signing_attempt_if_signed(signed_elector);
    petitions.add_double_signing_attempt_if_signed(unsigned_elector);
  });
  const auto attempts = petitions.list_double_signing_attempts(running.petition_id);
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].elector_number, "SA-1");
  EXPECT_EQ(attempts[0].place_id, running.place_id);
  EXPECT_EQ(attempts[0].recorded_by, running.clerk_id);
}

TEST_P(StoreContract, SecondSheetForAnElectorIsRefusedWhateverTheChannel) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  SignatureSheet first = in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id);
  first.id = petitions.add_signature(first);

  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(postal_sheet(r.petition_id, "PA-1")); }, &field),
            ErrorKind::conflict);
  EXPECT_EQ(field, "elector_number");
  SignatureSheet proxy = in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id);
  proxy.channel = SigningChannel::proxy_in_person;
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(proxy); }), ErrorKind::conflict);
  EXPECT_EQ(petitions.list_signatures(r.petition_id), std::vector<SignatureSheet>{first})
      << "nothing inserted";
  EXPECT_EQ(petitions.find_signature(r.petition_id, "PA-1"), first);

  // The same elector number in another constituency's petition is someone else.
  const Running other = open_petition(*store, "E14000869");
  EXPECT_GT(
      petitions.add_signature(in_person_sheet(other.petition_id, "PA-1", other.place_id, other.clerk_id)),
      first.id);
}

TEST_P(StoreContract, VoidSheetsWithoutAnElectorMayRepeat) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  const std::int64_t a = petitions.add_signature(void_sheet(r.petition_id));
  const std::int64_t b = petitions.add_signature(void_sheet(r.petition_id));
  EXPECT_GT(b, a);
  EXPECT_EQ(petitions.list_signatures(r.petition_id).size(), 2u);

  // Only a sheet void for uncertainty may leave the elector out.
  SignatureSheet nameless = void_sheet(r.petition_id);
  nameless.rejection = RejectionReason::want_of_official_mark;
  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(nameless); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "elector_number");
}

TEST_P(StoreContract, BadSignatureSheetsNameTheField) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  const Running other = open_petition(*store, "E14000869");
  std::string field;
  SignatureSheet sheet = in_person_sheet(r.petition_id, "PA-1", other.place_id, r.clerk_id);
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(sheet); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "place_id") << "a place of another petition";
  sheet.place_id = r.place_id;
  sheet.received_on = "19/03/2019";
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(sheet); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "received_on");
  sheet.received_on = "2019-03-19";
  sheet.recorded_by = 4242;
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(sheet); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "recorded_by");
  sheet.recorded_by = r.clerk_id;
  sheet.petition_id = 999;
  sheet.place_id.reset();
  EXPECT_EQ(error_kind_of([&] { petitions.add_signature(sheet); }), ErrorKind::not_found);
  EXPECT_TRUE(petitions.list_signatures(r.petition_id).empty());
}

TEST_P(StoreContract, RefusedSheetThenAttemptCommitInOneTransaction) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  SignatureSheet first = in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id);
  first.id = petitions.add_signature(first);

  // What the service does: try the sheet, and on "already signed" record the attempt instead, all in
  // the caller's transaction. On PostgreSQL a failed statement would have aborted it.
  DoubleSigningAttempt attempt = attempt_for(r, "PA-1");
  std::int64_t valid_in_same_transaction = 0;
  store->transaction([&] {
    EXPECT_EQ(error_kind_of([&] {
                petitions.add_signature(in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id));
              }),
              ErrorKind::conflict);
    attempt.id = petitions.add_double_signing_attempt(attempt);
    valid_in_same_transaction =
        petitions.add_signature(in_person_sheet(r.petition_id, "PA-2", r.place_id, r.clerk_id));
  });
  EXPECT_EQ(petitions.list_double_signing_attempts(r.petition_id),
            std::vector<DoubleSigningAttempt>{attempt});
  const auto sheets = petitions.list_signatures(r.petition_id);
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0], first);
  EXPECT_EQ(sheets[1].id, valid_in_same_transaction);
  EXPECT_EQ(sheets[1].elector_number, "PA-2");
}

TEST_P(StoreContract, RolledBackTransactionKeepsNoSheetOrAttempt) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  EXPECT_THROW(store->transaction([&] {
    petitions.add_signature(in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id));
    petitions.add_double_signing_attempt(attempt_for(r, "PA-1"));
    throw Error(ErrorKind::unavailable, "the clerk's connection dropped");
  }),
               Error);
  EXPECT_TRUE(petitions.list_signatures(r.petition_id).empty());
  EXPECT_TRUE(petitions.list_double_signing_attempts(r.petition_id).empty());
  // And the elector can then sign.
  petitions.add_signature(in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id));
}

TEST_P(StoreContract, DoubleSigningAttemptsRoundTrip) {
  auto store = open();
  auto& petitions = store->petitions();
  const Running r = open_petition(*store);
  DoubleSigningAttempt at_place = attempt_for(r, "PA-1");
  DoubleSigningAttempt online{
      0, r.petition_id, "PA-1", SigningChannel::online, std::nullopt, std::nullopt, "2019-03-22T12:00:00Z"};
  at_place.id = petitions.add_double_signing_attempt(at_place);
  online.id = petitions.add_double_signing_attempt(online);
  EXPECT_EQ(petitions.list_double_signing_attempts(r.petition_id),
            (std::vector<DoubleSigningAttempt>{at_place, online}));
  std::string field;
  DoubleSigningAttempt bad = at_place;
  bad.elector_number = "";
  EXPECT_EQ(error_kind_of([&] { petitions.add_double_signing_attempt(bad); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "elector_number");
}

TEST_P(StoreContract, ConcurrentClerksCannotBothRecordOneElector) {
  RECALL_REQUIRE_SHARED_DATABASE();
  Running r;
  {
    auto store = open();
    r = open_petition(*store);
  }
  // Separate connections, as separate server processes would have.
  constexpr int clerks = 4;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < clerks; ++i) stores.push_back(open());
  std::vector<int> outcome(clerks, -1);  // 1 recorded, 0 refused as already signed
  std::vector<std::thread> threads;
  for (int i = 0; i < clerks; ++i) {
    threads.emplace_back([&, i] {
      const auto at = static_cast<std::size_t>(i);
      try {
        stores[at]->petitions().add_signature(in_person_sheet(r.petition_id, "PA-1", r.place_id, r.clerk_id));
        outcome[at] = 1;
      } catch (const Error& error) {
        outcome[at] = error.kind() == ErrorKind::conflict ? 0 : 2;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(outcome.begin(), outcome.end(), 1), 1);
  EXPECT_EQ(std::count(outcome.begin(), outcome.end(), 0), clerks - 1);
  EXPECT_EQ(stores[0]->petitions().list_signatures(r.petition_id).size(), 1u);
}

}  // namespace recall::contract
