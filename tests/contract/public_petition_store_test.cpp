// PublicPetitionStore contract: petitions and their compare-and-set state changes, sponsors,
// thresholds and closing; signatures (one per canonical email per petition, a duplicate a result and
// never an error), confirmation once, suspects, bulk invalidation, the block list, anonymisation, and
// a rolled-back transaction leaving nothing. The random checks are in public_petition_counts_test.cpp.
#include <chrono>
#include <future>
#include <limits>
#include <thread>

#include "contract/sample_petition.hpp"
#include "contract/sample_public_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

namespace pp = public_petition;

std::int64_t create(Store& store, pp::PublicPetition& petition, std::uint64_t token = 1) {
  petition.id = store.public_petitions().create_petition(petition, sample_token(token));
  return petition.id;
}

// A petition taken through sponsoring and publishing, open from `opened_at`.
pp::PublicPetition open_petition(Store& store, std::uint64_t token, std::int64_t opened_at) {
  pp::PublicPetition petition = sample_public_petition();
  petition.sponsor_count = 5;
  petition.state = pp::PublicPetitionState::sponsored;
  petition.sponsored_at = public_epoch + 60;
  create(store, petition, token);
  pp::publish(petition, pp::PetitionRules{}, opened_at);
  store.public_petitions().save_state(petition, pp::PublicPetitionState::sponsored, std::nullopt);
  return petition;
}

struct RolledBack {};

// A confirmation email, due at once, naming `petition`.
OutboxMessage mail_about(std::int64_t petition) {
  return {0, "a@example.org", "Confirm your signature", "Open the link.\n", "2026-11-27T10:00:00Z", 0, 0, "", std::nullopt,
          petition};
}

}  // namespace

TEST_P(StoreContract, PublicPetitionRoundTrips) {
  auto store = open();
  auto& petitions = store->public_petitions();
  pp::PublicPetition petition = sample_public_petition();
  petition.text.details = "Fiona Onasanya MP was convicted on 19 December 2018.";
  petition.target = pp::PetitionTarget{"2017-E14000864", "E14000864"};
  create(*store, petition, 7);
  EXPECT_GT(petition.id, 0);
  ASSERT_EQ(petition.thresholds.size(), 2u);

  const PublicPetitionRecord expected{petition, std::nullopt, std::nullopt, std::nullopt};
  EXPECT_EQ(petitions.find_petition(petition.id), expected);
  EXPECT_EQ(petitions.find_petition_by_sponsor_token(sample_token(7)), expected);
  EXPECT_EQ(petitions.find_petition_by_sponsor_token(sample_token(8)), std::nullopt);
  EXPECT_EQ(petitions.find_petition(petition.id + 1), std::nullopt);
  EXPECT_EQ(petitions.list_petitions(pp::PublicPetitionState::collecting_sponsors, {}),
            std::vector<PublicPetitionRecord>{expected});
  EXPECT_TRUE(petitions.list_petitions(pp::PublicPetitionState::open, {}).empty());

  std::string field;
  pp::PublicPetition again = sample_public_petition();
  EXPECT_EQ(error_kind_of([&] { petitions.create_petition(again, sample_token(7)); }, &field),
            ErrorKind::conflict);
  EXPECT_EQ(field, "sponsor_token_hash");
  again.created_at = -5;
  EXPECT_EQ(error_kind_of([&] { petitions.create_petition(again, sample_token(9)); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "created_at");
}

TEST_P(StoreContract, PublicPetitionsListNewestFirstInPages) {
  auto store = open();
  std::vector<std::int64_t> ids;
  for (std::uint64_t i = 0; i < 5; ++i) {
    pp::PublicPetition petition = sample_public_petition(public_epoch + static_cast<std::int64_t>(i));
    ids.push_back(create(*store, petition, i + 1));
  }
  const auto state = pp::PublicPetitionState::collecting_sponsors;
  const auto first = store->public_petitions().list_petitions(state, {std::nullopt, 2});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].petition.id, ids[4]);
  EXPECT_EQ(first[1].petition.id, ids[3]);
  const auto second = store->public_petitions().list_petitions(state, {first.back().petition.id, 2});
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].petition.id, ids[2]);
  const auto last = store->public_petitions().list_petitions(state, {second.back().petition.id, 2});
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].petition.id, ids[0]);
  EXPECT_EQ(error_kind_of([&] {
              store->public_petitions().list_petitions(state, {std::nullopt, 0});
            }),
            ErrorKind::invalid_input);
}

TEST_P(StoreContract, PublicPetitionMovesThroughItsLifeWithCompareAndSet) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const std::int64_t moderator = add_clerk(*store, "moderator@example.org");
  const std::int64_t other = add_clerk(*store, "other@example.org");
  const pp::PetitionRules rules;
  pp::PublicPetition petition = sample_public_petition();
  create(*store, petition);

  // Sponsors: each one in one statement; the fifth sends it to moderation.
  for (int n = 1; n <= 5; ++n) {
    EXPECT_EQ(petitions.add_sponsor(petition.id), n);
    const pp::PublicPetitionState before = petition.state;
    pp::add_sponsor(petition, rules, public_epoch + 60 * n);
    if (petition.state != before) petitions.save_state(petition, before, std::nullopt);
  }
  ASSERT_EQ(petition.state, pp::PublicPetitionState::sponsored);
  EXPECT_EQ(petitions.add_sponsor(petition.id), 6) << "sponsors while it waits still count";
  petition.sponsor_count = 6;
  EXPECT_EQ(petitions.find_petition(petition.id)->petition, petition);
  ASSERT_EQ(petitions.moderation_queue(10).size(), 1u);

  // Two moderators read it sponsored; the first to act wins, the second is told it changed.
  pp::PublicPetition published = petition;
  pp::publish(published, rules, public_epoch + 3600);
  petitions.save_state(published, pp::PublicPetitionState::sponsored, moderator);
  pp::PublicPetition rejected = petition;
  pp::reject(rejected, pp::ModerationReason::duplicate, "Same as petition 3", public_epoch + 3601);
  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.save_state(rejected, pp::PublicPetitionState::sponsored, other); },
                          &field),
            ErrorKind::conflict);
  EXPECT_EQ(field, "state");
  const auto stored = petitions.find_petition(petition.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->petition, published);
  EXPECT_EQ(stored->moderated_by, moderator);
  EXPECT_TRUE(petitions.moderation_queue(10).empty());
  EXPECT_EQ(error_kind_of([&] { petitions.add_sponsor(petition.id); }), ErrorKind::conflict);

  // Hidden later, with the reason and note kept.
  pp::hide(published, pp::ModerationReason::libellous, "Names a private person", public_epoch + 7200);
  petitions.save_state(published, pp::PublicPetitionState::open, other);
  const auto hidden = petitions.find_petition(petition.id);
  ASSERT_TRUE(hidden.has_value());
  EXPECT_EQ(hidden->petition, published);
  EXPECT_EQ(hidden->moderated_by, other);

  pp::PublicPetition unknown = published;
  unknown.id = petition.id + 100;
  EXPECT_EQ(
      error_kind_of([&] { petitions.save_state(unknown, pp::PublicPetitionState::hidden, std::nullopt); }),
      ErrorKind::not_found);
  EXPECT_EQ(error_kind_of([&] { petitions.add_sponsor(petition.id + 100); }), ErrorKind::not_found);
}

TEST_P(StoreContract, PublicPetitionModerationQueueIsOldestSponsoredFirst) {
  auto store = open();
  std::vector<std::int64_t> ids;
  for (std::uint64_t i = 0; i < 3; ++i) {
    pp::PublicPetition petition = sample_public_petition();
    petition.state = pp::PublicPetitionState::sponsored;
    petition.sponsor_count = 5;
    petition.sponsored_at =
        public_epoch + 1000 - static_cast<std::int64_t>(i) * 100;  // later ones waited longer
    ids.push_back(create(*store, petition, i + 1));
  }
  const auto queue = store->public_petitions().moderation_queue(2);
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue[0].petition.id, ids[2]);
  EXPECT_EQ(queue[1].petition.id, ids[1]);
}

TEST_P(StoreContract, PublicPetitionThresholdsKeepTheFirstTime) {
  auto store = open();
  auto& petitions = store->public_petitions();
  pp::PublicPetition petition = open_petition(*store, 1, public_epoch + 3600);
  EXPECT_EQ(petitions.mark_threshold_reached(petition.id, 10'000, public_epoch + 9000), public_epoch + 9000);
  EXPECT_EQ(petitions.mark_threshold_reached(petition.id, 10'000, public_epoch + 9999), public_epoch + 9000)
      << "reached again after invalidation: the first time stays";
  EXPECT_EQ(petitions.mark_threshold_reached(petition.id, 250'000, public_epoch + 20000),
            public_epoch + 20000);
  const auto stored = petitions.find_petition(petition.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->petition.thresholds,
            (std::vector<pp::ThresholdMark>{
                {10'000, public_epoch + 9000}, {100'000, std::nullopt}, {250'000, public_epoch + 20000}}));
  EXPECT_EQ(error_kind_of([&] { petitions.mark_threshold_reached(petition.id + 9, 10'000, public_epoch); }),
            ErrorKind::not_found);
}

TEST_P(StoreContract, PublicPetitionsCloseWhenDue) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition early = open_petition(*store, 1, public_epoch + 3600);
  const pp::PublicPetition later = open_petition(*store, 2, public_epoch + 40 * 86400);
  ASSERT_TRUE(early.closes_at.has_value());
  EXPECT_TRUE(petitions.close_due_petitions(*early.closes_at - 1).empty());
  EXPECT_EQ(petitions.close_due_petitions(*early.closes_at), std::vector<std::int64_t>{early.id});
  EXPECT_TRUE(petitions.close_due_petitions(*early.closes_at).empty()) << "closing twice does nothing";
  pp::PublicPetition closed = early;
  ASSERT_TRUE(pp::close_if_due(closed, *early.closes_at));
  EXPECT_EQ(petitions.find_petition(early.id)->petition, closed) << "the same as the core's close_if_due";
  EXPECT_EQ(petitions.find_petition(later.id)->petition.state, pp::PublicPetitionState::open);
}

TEST_P(StoreContract, PublicSignaturesRoundTrip) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  NewPublicSignature first = sample_signature(petition.id, 1);
  NewPublicSignature second = sample_signature(petition.id, 2);
  second.ons_code.reset();
  second.ip = pp::parse_ip_address("2001:db8::42");
  second.uk_resident = false;
  second.sponsor = true;
  second.screening = {pp::SignatureStanding::suspect, pp::SuspectReason::over_burst_limit};
  const std::vector<NewPublicSignature> batch{first, second};
  const auto inserted = petitions.add_signatures(batch);
  ASSERT_EQ(inserted.size(), 2u);
  ASSERT_FALSE(inserted[0].duplicate());
  ASSERT_FALSE(inserted[1].duplicate());

  const PublicSignatureRecord expected{*inserted[1].id,
                                       petition.id,
                                       second.name,
                                       second.email.address,
                                       second.email.canonical,
                                       second.postcode,
                                       std::nullopt,
                                       second.ip,
                                       second.email.domain,
                                       false,
                                       true,
                                       PublicSignatureState::pending,
                                       second.screening,
                                       second.confirm_token_hash,
                                       second.created_at,
                                       std::nullopt,
                                       std::nullopt,
                                       std::nullopt};
  EXPECT_EQ(petitions.find_signature(*inserted[1].id), expected);
  EXPECT_EQ(petitions.find_signature_by_email(petition.id, "signer2@example.com"), expected);
  EXPECT_EQ(petitions.find_signature_by_email(petition.id + 1, "signer2@example.com"), std::nullopt);
  const auto one = petitions.find_signature(*inserted[0].id);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->ip, pp::parse_ip_address("198.51.100.7"));
  EXPECT_EQ(one->ip->family(), pp::IpAddress::Family::v4);
  EXPECT_EQ(one->ons_code, "E14000864");
  EXPECT_EQ(petitions.count_signatures(petition.id), 2);
}

TEST_P(StoreContract, PublicSignatureCanonicalEmailIsUniquePerPetition) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const pp::PublicPetition other = open_petition(*store, 2, public_epoch);

  auto jo = [&](std::int64_t petition_id, int n, const std::string& typed) {
    NewPublicSignature s = sample_signature(petition_id, n);
    s.email = pp::parse_email_address(typed);
    return s;
  };
  // In one transaction, as the sequencer commits a batch: duplicates within the batch and across
  // batches come back as duplicates, and the transaction goes on (on PostgreSQL a failed statement
  // would have aborted it).
  std::vector<SignatureInsert> first;
  std::vector<SignatureInsert> second;
  store->transaction([&] {
    const std::vector<NewPublicSignature> batch{
        jo(petition.id, 1, "Jo.Bloggs+petition@GoogleMail.com"), jo(petition.id, 2, "sam@example.com"),
        jo(petition.id, 3, "jobloggs@gmail.com"), jo(other.id, 4, "jobloggs@gmail.com")};
    first = petitions.add_signatures(batch);
    const std::vector<NewPublicSignature> again{jo(petition.id, 5, "j.o.bloggs@gmail.com"),
                                                jo(petition.id, 6, "alex@example.com")};
    second = petitions.add_signatures(again);
  });
  ASSERT_EQ(first.size(), 4u);
  EXPECT_FALSE(first[0].duplicate());
  EXPECT_FALSE(first[1].duplicate());
  EXPECT_TRUE(first[2].duplicate()) << "the same canonical email later in the same batch";
  EXPECT_FALSE(first[3].duplicate()) << "another petition";
  ASSERT_EQ(second.size(), 2u);
  EXPECT_TRUE(second[0].duplicate()) << "the same canonical email in an earlier batch";
  EXPECT_FALSE(second[1].duplicate());
  EXPECT_EQ(petitions.count_signatures(petition.id), 3);
  EXPECT_EQ(petitions.count_signatures(other.id), 1);
  const auto kept = petitions.find_signature_by_email(petition.id, "jobloggs@gmail.com");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->id, *first[0].id);
  EXPECT_EQ(kept->email, "Jo.Bloggs+petition@GoogleMail.com") << "the first one in wins";

  // Paging through the canonical emails, as the fingerprint set is rebuilt at start.
  const auto page = petitions.canonical_emails(petition.id, 0, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0], (SignatureEmail{*first[0].id, "jobloggs@gmail.com"}));
  EXPECT_EQ(page[1], (SignatureEmail{*first[1].id, "sam@example.com"}));
  const auto rest = petitions.canonical_emails(petition.id, page.back().id, 2);
  EXPECT_EQ(rest, (std::vector<SignatureEmail>{{*second[1].id, "alex@example.com"}}));
}

TEST_P(StoreContract, ASingleSignatureBatchNamesItsRowOrSaysDuplicate) {
  // A batch of one is a single-row INSERT on both backends (SQLite: every row), whose id comes back
  // without RETURNING on SQLite.
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const NewPublicSignature first = sample_signature(petition.id, 1);
  const NewPublicSignature second = sample_signature(petition.id, 2);
  const auto a = petitions.add_signatures(std::span(&first, 1));
  const auto b = petitions.add_signatures(std::span(&second, 1));
  ASSERT_TRUE(a.at(0).id && b.at(0).id);
  EXPECT_NE(*a.at(0).id, *b.at(0).id);
  EXPECT_EQ(petitions.find_signature(*b.at(0).id)->email, second.email.address);
  const auto again = petitions.add_signatures(std::span(&second, 1));
  EXPECT_TRUE(again.at(0).duplicate()) << "the same canonical email: no row, and not the last id";
  // The connection's last inserted id is now the second row's: a duplicate must not report it.
  const auto after_duplicate = petitions.add_signatures(std::span(&first, 1));
  EXPECT_TRUE(after_duplicate.at(0).duplicate());
  EXPECT_EQ(petitions.count_signatures(petition.id), 2);
}

TEST_P(StoreContract, PublicSignatureTextArrivesAsTyped) {
  // PostgreSQL takes a batch as one array per column (store/sql_array.hpp): quotes, backslashes,
  // commas, braces, the word NULL and non-ASCII text must come back as they went in.
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const std::vector<std::string> names{"Jo \"Quote\" O'Neil", "back\\slash", "a,b {c} d", "NULL", "Siân Wyn – Ælfrīc"};
  std::vector<NewPublicSignature> batch;
  for (std::size_t i = 0; i < names.size(); ++i) {
    NewPublicSignature s = sample_signature(petition.id, static_cast<int>(i) + 1);
    s.name = names[i];
    batch.push_back(s);
  }
  const auto inserted = petitions.add_signatures(batch);
  for (std::size_t i = 0; i < names.size(); ++i) {
    ASSERT_TRUE(inserted[i].id) << names[i];
    const auto row = petitions.find_signature(*inserted[i].id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->name, names[i]);
    EXPECT_EQ(row->confirm_token_hash, batch[i].confirm_token_hash) << "bytea inside an array";
    EXPECT_EQ(row->ip, batch[i].ip);
  }
}

TEST_P(StoreContract, BadPublicSignatureNamesTheRowAndFieldAndWritesNothing) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(petition.id, 2)};
  std::string field;
  batch[1].name = "";
  EXPECT_EQ(error_kind_of([&] { petitions.add_signatures(batch); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "name");
  batch[1] = sample_signature(petition.id, 2);
  batch[1].email.domain = "Example.COM";
  EXPECT_EQ(error_kind_of([&] { petitions.add_signatures(batch); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "email_domain");
  batch[1] = sample_signature(petition.id, 2);
  batch[1].screening = {pp::SignatureStanding::suspect, std::nullopt};
  EXPECT_EQ(error_kind_of([&] { petitions.add_signatures(batch); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "suspect_reason");
  batch[1] = sample_signature(petition.id + 50, 2);
  EXPECT_EQ(error_kind_of([&] { petitions.add_signatures(batch); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "petition_id");
  try {
    petitions.add_signatures(batch);
  } catch (const Error& error) {
    ASSERT_TRUE(error.where().has_value());
    EXPECT_EQ(error.where()->line, 2) << "the row of the batch, counting from 1";
  }
  EXPECT_EQ(petitions.count_signatures(petition.id), 0);
}

TEST_P(StoreContract, PublicSignatureConfirmsOnlyOnce) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(petition.id, 2),
                                        sample_signature(petition.id, 3)};
  batch[1].screening = {pp::SignatureStanding::suspect, pp::SuspectReason::blocked_domain};
  batch[2].ons_code.reset();
  const auto ids = petitions.add_signatures(batch);

  const std::vector<ConfirmToken> tokens{confirm_token_of(ids[0], batch[0]), ConfirmToken{*ids[0].id, sample_token(999'999)},
                                         confirm_token_of(ids[1], batch[1]), confirm_token_of(ids[0], batch[0]),
                                         confirm_token_of(ids[2], batch[2])};
  const auto confirmed = petitions.confirm_signatures(tokens, public_epoch + 600);
  ASSERT_EQ(confirmed.size(), 5u);
  EXPECT_EQ(confirmed[0], (ConfirmedSignature{*ids[0].id, petition.id, "E14000864", true, false}));
  EXPECT_EQ(confirmed[1], std::nullopt) << "a token with the wrong secret for a signature";
  EXPECT_EQ(confirmed[2], (ConfirmedSignature{*ids[1].id, petition.id, "E14000864", false, false}))
      << "a suspect signature is confirmed but does not count yet";
  EXPECT_EQ(confirmed[3], std::nullopt) << "the same token twice in one batch confirms once";
  EXPECT_EQ(confirmed[4], (ConfirmedSignature{*ids[2].id, petition.id, std::nullopt, true, false}));
  EXPECT_EQ(confirmed[4]->count_change().ons_code, "") << "unallocated";

  const std::vector<ConfirmToken> again{confirm_token_of(ids[0], batch[0])};
  EXPECT_EQ(petitions.confirm_signatures(again, public_epoch + 700),
            std::vector<std::optional<ConfirmedSignature>>{std::nullopt});
  const auto stored = petitions.find_signature(*ids[0].id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->state, PublicSignatureState::confirmed);
  EXPECT_EQ(stored->confirmed_at, public_epoch + 600);
  EXPECT_EQ(stored->confirm_token_hash, std::nullopt) << "the hash is forgotten once used";
  EXPECT_EQ(petitions.count_by_constituency(petition.id),
            (std::vector<pp::ConstituencyCount>{{"", 1}, {"E14000864", 1}}));
}

TEST_P(StoreContract, PublicSuspectsAreClearedIntoTheCount) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const pp::PublicPetition other = open_petition(*store, 2, public_epoch);
  std::vector<NewPublicSignature> batch;
  for (int n = 1; n <= 4; ++n) {
    batch.push_back(sample_signature(petition.id, n));
    batch.back().screening = {pp::SignatureStanding::suspect, pp::SuspectReason::over_sustained_limit};
  }
  batch[1].ons_code = "S14000051";
  batch.push_back(sample_signature(other.id, 5));
  batch.back().screening = {pp::SignatureStanding::suspect, pp::SuspectReason::blocked_ip};
  const auto ids = petitions.add_signatures(batch);
  const std::vector<ConfirmToken> tokens{confirm_token_of(ids[0], batch[0]), confirm_token_of(ids[1], batch[1]),
                                         confirm_token_of(ids[4], batch[4])};
  petitions.confirm_signatures(tokens, public_epoch + 60);
  EXPECT_TRUE(petitions.count_by_constituency(petition.id).empty());

  // Clearing 1 (confirmed), 3 (pending) and the other petition's: only 1 starts counting.
  const std::vector<std::int64_t> some{*ids[0].id, *ids[2].id, *ids[4].id};
  const auto changes = petitions.clear_suspects(petition.id, some);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].ons_code, "E14000864");
  EXPECT_EQ(changes[0].delta, 1);
  EXPECT_EQ(petitions.find_signature(*ids[4].id)->screening.standing, pp::SignatureStanding::suspect);
  EXPECT_EQ(petitions.find_signature(*ids[2].id)->screening, pp::Screening{});

  const auto rest = petitions.clear_all_suspects(petition.id);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].ons_code, "S14000051");
  EXPECT_TRUE(petitions.clear_all_suspects(petition.id).empty());
  EXPECT_EQ(petitions.count_by_constituency(petition.id),
            (std::vector<pp::ConstituencyCount>{{"E14000864", 1}, {"S14000051", 1}}));
  EXPECT_TRUE(petitions.count_by_constituency(other.id).empty());
}

TEST_P(StoreContract, PublicInvalidationIsRecordedAndReturnsWhatCounted) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const std::int64_t moderator = add_clerk(*store, "moderator@example.org");
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  std::vector<NewPublicSignature> batch;
  for (int n = 1; n <= 4; ++n) batch.push_back(sample_signature(petition.id, n));
  batch[0].email = pp::parse_email_address("a@mail.throwaway.example");
  batch[1].email = pp::parse_email_address("b@throwaway.example");
  batch[2].email = pp::parse_email_address("c@throwaway.example");
  batch[2].screening = {pp::SignatureStanding::suspect, pp::SuspectReason::blocked_domain};
  batch[3].email = pp::parse_email_address("d@nothrowaway.example");
  const auto ids = petitions.add_signatures(batch);
  std::vector<ConfirmToken> tokens;
  for (std::size_t i = 0; i < batch.size(); ++i) tokens.push_back(confirm_token_of(ids[i], batch[i]));
  tokens.pop_back();
  tokens.erase(tokens.begin() + 1);  // b stays pending
  petitions.confirm_signatures(tokens, public_epoch + 60);

  const pp::InvalidationCriteria criteria =
      pp::parse_invalidation_criteria({"198.51.100.0/24", "*.throwaway.example", "", "", ""});
  const InvalidationResult result =
      petitions.invalidate(petition.id, criteria, public_epoch + 120, moderator);
  EXPECT_EQ(result.matched, 3) << "a, b and c; not d@nothrowaway.example";
  ASSERT_EQ(result.changes.size(), 1u) << "only a counted: b was pending and c suspect";
  EXPECT_EQ(result.changes[0].ons_code, "E14000864");
  EXPECT_EQ(result.changes[0].delta, -1);
  EXPECT_EQ(petitions.list_invalidations(petition.id),
            (std::vector<InvalidationRecord>{
                {result.invalidation_id, petition.id, criteria, 3, public_epoch + 120, moderator}}));
  const auto a = petitions.find_signature(*ids[0].id);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->state, PublicSignatureState::invalidated);
  EXPECT_EQ(a->invalidated_at, public_epoch + 120);
  EXPECT_EQ(a->invalidation_id, result.invalidation_id);
  EXPECT_EQ(petitions.find_signature(*ids[3].id)->state, PublicSignatureState::pending);

  // An invalidated pending signature can no longer be confirmed; again matches nothing new.
  const std::vector<ConfirmToken> b{confirm_token_of(ids[1], batch[1])};
  EXPECT_EQ(petitions.confirm_signatures(b, public_epoch + 180)[0], std::nullopt);
  EXPECT_EQ(petitions.invalidate(petition.id, criteria, public_epoch + 200, std::nullopt).matched, 0);

  const pp::TimeWindow open_window{std::numeric_limits<std::int64_t>::min(), public_epoch + 4};
  const pp::InvalidationCriteria before_four{std::nullopt, std::nullopt, std::nullopt, open_window};
  const auto windowed = petitions.invalidate(petition.id, before_four, public_epoch + 300, std::nullopt);
  EXPECT_EQ(windowed.matched, 0) << "d was created at +4, outside [.., +4)";
  EXPECT_EQ(petitions.list_invalidations(petition.id).back().criteria, before_four);

  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.invalidate(petition.id, {}, public_epoch, std::nullopt); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "ip");
  EXPECT_EQ(
      error_kind_of([&] { petitions.invalidate(petition.id + 9, criteria, public_epoch, std::nullopt); }),
      ErrorKind::not_found);
}

TEST_P(StoreContract, PublicBlockListEntriesAreCanonical) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const std::int64_t moderator = add_clerk(*store, "moderator@example.org");
  const std::int64_t ip =
      petitions.add_block({0, pp::BlockKind::ip, "2001:DB8:0:0::/32", public_epoch, moderator, "a flood"});
  const std::int64_t domain =
      petitions.add_block({0, pp::BlockKind::domain, "*.Throwaway.Example", public_epoch, std::nullopt, ""});
  const std::int64_t email = petitions.add_block(
      {0, pp::BlockKind::email, "Jo.Bloggs+x@googlemail.com", public_epoch, moderator, ""});
  EXPECT_EQ(petitions.list_blocks(),
            (std::vector<PublicBlock>{
                {ip, pp::BlockKind::ip, "2001:db8::/32", public_epoch, moderator, "a flood"},
                {domain, pp::BlockKind::domain, "*.throwaway.example", public_epoch, std::nullopt, ""},
                {email, pp::BlockKind::email, "jobloggs@gmail.com", public_epoch, moderator, ""}}));
  std::string field;
  EXPECT_EQ(error_kind_of(
                [&] {
                  petitions.add_block({0, pp::BlockKind::ip, "2001:db8::/32", public_epoch, {}, ""});
                },
                &field),
            ErrorKind::conflict);
  EXPECT_EQ(field, "value");
  EXPECT_EQ(error_kind_of(
                [&] {
                  petitions.add_block({0, pp::BlockKind::ip, "10.1.0.0/8", public_epoch, {}, ""});
                },
                &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "value");
  EXPECT_TRUE(petitions.remove_block(domain));
  EXPECT_FALSE(petitions.remove_block(domain));
  EXPECT_EQ(petitions.list_blocks().size(), 2u);
}

TEST_P(StoreContract, PublicAnonymisationKeepsCountsAndRemovesEveryPersonalField) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const pp::PublicPetition still_open = open_petition(*store, 2, public_epoch);
  std::vector<NewPublicSignature> batch;
  for (int n = 1; n <= 6; ++n) batch.push_back(sample_signature(petition.id, n));
  batch[1].ons_code = "W07000049";
  batch[2].ons_code.reset();
  batch[3].screening = {pp::SignatureStanding::suspect, pp::SuspectReason::blocked_ip};
  batch.push_back(sample_signature(still_open.id, 7));
  const auto ids = petitions.add_signatures(batch);
  std::vector<ConfirmToken> tokens;
  for (std::size_t i = 0; i < 5; ++i) tokens.push_back(confirm_token_of(ids[i], batch[i]));  // 6 stays pending
  tokens.push_back(confirm_token_of(ids[6], batch[6]));
  petitions.confirm_signatures(tokens, public_epoch + 60);
  const pp::InvalidationCriteria fifth{std::nullopt, std::nullopt, std::nullopt,
                                       pp::TimeWindow{public_epoch + 5, public_epoch + 6}};
  ASSERT_EQ(petitions.invalidate(petition.id, fifth, public_epoch + 90, std::nullopt).matched, 1);
  petitions.set_creator_signature(petition.id, *ids[5].id);  // the pending one: it will be deleted
  const auto counts = petitions.count_by_constituency(petition.id);
  ASSERT_EQ(counts, (std::vector<pp::ConstituencyCount>{{"", 1}, {"E14000864", 1}, {"W07000049", 1}}));

  ASSERT_EQ(petitions.close_due_petitions(*petition.closes_at),
            (std::vector<std::int64_t>{petition.id, still_open.id}));
  const std::int64_t closed_at = *petition.closes_at;
  EXPECT_TRUE(petitions.anonymise_closed_before(closed_at - 1, closed_at + 10).petition_ids.empty())
      << "closed after the cut-off";
  const AnonymisationResult result = petitions.anonymise_closed_before(closed_at, closed_at + 10);
  EXPECT_EQ(result.petition_ids, (std::vector<std::int64_t>{petition.id, still_open.id}));
  EXPECT_EQ(result.pending_deleted, 1);
  EXPECT_EQ(result.signatures_anonymised, 6);
  EXPECT_TRUE(petitions.anonymise_closed_before(closed_at, closed_at + 20).petition_ids.empty())
      << "idempotent";

  EXPECT_EQ(petitions.count_by_constituency(petition.id), counts) << "counts survive anonymisation";
  EXPECT_EQ(petitions.count_signatures(petition.id), 5);
  EXPECT_EQ(petitions.find_signature(*ids[5].id), std::nullopt) << "never confirmed: deleted";
  const auto stored = petitions.find_petition(petition.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->anonymised_at, closed_at + 10);
  EXPECT_EQ(stored->creator_signature_id, std::nullopt);
  for (std::size_t i = 0; i < 5; ++i) {
    const auto s = petitions.find_signature(*ids[i].id);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->name, std::nullopt);
    EXPECT_EQ(s->email, std::nullopt);
    EXPECT_EQ(s->canonical_email, std::nullopt);
    EXPECT_EQ(s->postcode, std::nullopt);
    EXPECT_EQ(s->ip, std::nullopt);
    EXPECT_EQ(s->email_domain, std::nullopt);
    EXPECT_EQ(s->confirm_token_hash, std::nullopt);
    EXPECT_EQ(s->ons_code, batch[i].ons_code) << "kept for the breakdown";
    EXPECT_EQ(s->created_at, batch[i].created_at);
  }
  EXPECT_TRUE(petitions.canonical_emails(petition.id, 0, 100).empty());
}

TEST_P(StoreContract, SignaturesAndMailNameAnExistingPetition) {
  // The store names the row and field of a missing petition before it writes; beneath it SQLite
  // checks REFERENCES row by row and PostgreSQL each statement once, with a trigger (migration
  // 0011). Either way a batch naming a missing petition writes nothing.
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_petition(*store, 1, public_epoch);
  const std::int64_t missing = petition.id + 1000;
  const std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(missing, 2)};
  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.add_signatures(batch); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "petition_id");
  EXPECT_EQ(petitions.count_signatures(petition.id), 0);
  EXPECT_FALSE(petitions.add_signatures(std::vector<NewPublicSignature>{sample_signature(petition.id, 1)})[0]
                   .duplicate())
      << "the refused batch left no row behind";

  OutboxMessage mail = mail_about(missing);
  EXPECT_EQ(error_kind_of([&] { store->outbox().enqueue(mail); }), ErrorKind::conflict);
  EXPECT_TRUE(store->outbox().list_outbox().empty());
  mail.public_petition_id = petition.id;
  EXPECT_GT(store->outbox().enqueue(mail), 0);
}

TEST_P(StoreContract, APetitionKeepsItsSignaturesAndMail) {
  // Beneath the store, by rows written from outside it: a row cannot name or be moved to no
  // petition, and a petition with signatures or mail cannot be deleted (one without can).
  RECALL_REQUIRE_SHARED_DATABASE();
  auto store = open();
  const pp::PublicPetition with_mail = open_petition(*store, 1, public_epoch);
  const pp::PublicPetition emptied = open_petition(*store, 2, public_epoch);
  const pp::PublicPetition with_signature = open_petition(*store, 3, public_epoch);
  const std::string missing = std::to_string(with_signature.id + 1000);
  // SQLite enforces REFERENCES only on connections that ask, as every store connection does.
  const auto raw = [&](const std::string& sql) {
    database().execute_raw((store->backend() == "sqlite" ? "PRAGMA foreign_keys = ON; " : "") + sql);
  };
  // Only the rows under test refer to these petitions.
  database().execute_raw("DELETE FROM public_petition_thresholds");
  const OutboxMessage mail = mail_about(with_mail.id);
  const std::string mail_id = std::to_string(store->outbox().enqueue(mail));
  const auto added = store->public_petitions().add_signatures(
      std::vector<NewPublicSignature>{sample_signature(emptied.id, 1)});
  ASSERT_TRUE(added.at(0).id);
  const std::string row = std::to_string(*added.at(0).id);

  const auto insert_naming = [&](const std::string& petition) {
    raw("INSERT INTO public_signatures (petition_id, uk_resident, state, standing, created_at) VALUES (" + petition +
        ", 1, 'pending', 'counted', '2026-11-27T10:00:00Z')");
  };
  EXPECT_ANY_THROW(insert_naming(missing));
  EXPECT_NO_THROW(insert_naming(std::to_string(with_signature.id)));
  EXPECT_ANY_THROW(raw("UPDATE public_signatures SET petition_id = " + missing + " WHERE id = " + row));
  EXPECT_ANY_THROW(raw("UPDATE outbox SET public_petition_id = " + missing + " WHERE id = " + mail_id));
  raw("UPDATE public_signatures SET petition_id = " + std::to_string(with_signature.id) +
      " WHERE id = " + row);
  EXPECT_EQ(store->public_petitions().find_signature(*added.at(0).id)->petition_id, with_signature.id);

  raw("DELETE FROM public_petitions WHERE id = " + std::to_string(emptied.id));
  EXPECT_EQ(store->public_petitions().find_petition(emptied.id), std::nullopt);
  EXPECT_ANY_THROW(raw("DELETE FROM public_petitions WHERE id = " + std::to_string(with_signature.id)));
  EXPECT_ANY_THROW(raw("DELETE FROM public_petitions WHERE id = " + std::to_string(with_mail.id)));
  EXPECT_TRUE(store->public_petitions().find_petition(with_signature.id));
  EXPECT_TRUE(store->public_petitions().find_petition(with_mail.id));
}

TEST_P(StoreContract, PublicChangesAreReadInOrderAfterTheLastSeen) {
  auto store = open();
  auto& petitions = store->public_petitions();
  EXPECT_EQ(petitions.last_change(), 0);
  EXPECT_TRUE(petitions.changes_after(0, 10).empty());

  const std::vector<std::int64_t> two{4, 9};
  petitions.record_changes("cli-1", two, false, public_epoch);
  petitions.record_changes("server-2", {}, true, public_epoch + 5);
  petitions.record_changes("server-2", {}, false, public_epoch + 6);  // nothing changed: no row
  const std::vector<PublicChange> all = petitions.changes_after(0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], (PublicChange{all[0].seq, "cli-1", 4, public_epoch}));
  EXPECT_EQ(all[1], (PublicChange{all[1].seq, "cli-1", 9, public_epoch}));
  EXPECT_EQ(all[2], (PublicChange{all[2].seq, "server-2", std::nullopt, public_epoch + 5}));
  EXPECT_LT(all[0].seq, all[1].seq);
  EXPECT_LT(all[1].seq, all[2].seq);
  EXPECT_EQ(petitions.last_change(), all[2].seq);
  EXPECT_EQ(petitions.changes_after(all[0].seq, 10), (std::vector<PublicChange>{all[1], all[2]}));
  EXPECT_EQ(petitions.changes_after(0, 2), (std::vector<PublicChange>{all[0], all[1]}));
  EXPECT_TRUE(petitions.changes_after(all[2].seq, 10).empty());

  // Rows go with their transaction.
  EXPECT_THROW(store->transaction([&] {
    petitions.record_changes("cli-3", two, true, public_epoch + 9);
    throw RolledBack{};
  }),
               RolledBack);
  EXPECT_EQ(petitions.last_change(), all[2].seq);

  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.record_changes("", two, false, public_epoch); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "origin");
  EXPECT_EQ(error_kind_of([&] { petitions.changes_after(0, 0); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "limit");
}

TEST_P(StoreContract, PublicChangesCommitInSeqOrder) {
  // Two processes noting changes at once: the second waits for the first's lock, so a reader never
  // sees a later seq while an earlier one is still to come (and then skips it for good).
  RECALL_REQUIRE_SHARED_DATABASE();
  auto first = open();
  auto second = open();
  auto reader = open();
  std::promise<void> held;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::thread slow([&] {
    first->transaction([&] {
      first->public_petitions().hold_change_log();
      first->public_petitions().record_changes("first", std::vector<std::int64_t>{1}, false, public_epoch);
      held.set_value();
      released.wait();
    });
  });
  held.get_future().wait();
  std::thread quick(
      [&] { second->public_petitions().record_changes("second", std::vector<std::int64_t>{2}, false, public_epoch); });
  // Time for the second to commit, were it not made to wait; nothing is visible before the first commits.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(reader->public_petitions().changes_after(0, 10).empty());
  release.set_value();
  slow.join();
  quick.join();
  const std::vector<PublicChange> all = reader->public_petitions().changes_after(0, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].origin, "first");
  EXPECT_EQ(all[1].origin, "second");
}

TEST_P(StoreContract, PublicPetitionRollbackLeavesNothing) {
  auto store = open();
  auto& petitions = store->public_petitions();
  std::int64_t id = 0;
  EXPECT_THROW(store->transaction([&] {
    pp::PublicPetition petition = sample_public_petition();
    id = create(*store, petition);
    const std::vector<NewPublicSignature> batch{sample_signature(id, 1), sample_signature(id, 2)};
    const auto ids = petitions.add_signatures(batch);
    const std::vector<ConfirmToken> tokens{confirm_token_of(ids[0], batch[0])};
    petitions.confirm_signatures(tokens, public_epoch + 60);
    petitions.add_block({0, pp::BlockKind::domain, "example.com", public_epoch, std::nullopt, ""});
    throw RolledBack{};
  }),
               RolledBack);
  ASSERT_GT(id, 0);
  EXPECT_EQ(petitions.find_petition(id), std::nullopt);
  EXPECT_TRUE(petitions.list_petitions(pp::PublicPetitionState::collecting_sponsors, {}).empty());
  EXPECT_EQ(petitions.count_signatures(id), 0);
  EXPECT_TRUE(petitions.count_by_constituency(id).empty());
  EXPECT_TRUE(petitions.list_blocks().empty());
  // The same data goes in afterwards: nothing half-written stands in the way.
  pp::PublicPetition petition = sample_public_petition();
  const std::int64_t again = create(*store, petition);
  const std::vector<NewPublicSignature> batch{sample_signature(again, 1)};
  EXPECT_FALSE(petitions.add_signatures(batch)[0].duplicate());
}

}  // namespace recall::contract
