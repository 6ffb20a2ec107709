// What the public petition intake sequencer needs from storage beyond the petition store itself:
// confirmation emails queued in one batch and linked to their petition (and deleted with its personal
// data); confirmation links queued 200 a row (migration 0014), taken once in the order queued with
// what each email says, only while the signature still waits for one, and put back by a rollback; the
// sponsor flag on a confirmation, a new token for a re-sent email, every row for the recount,
// postcodes looked up a batch at a time, and moderator accounts.
#include <fmt/format.h>

#include "contract/sample_petition.hpp"
#include "contract/sample_public_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

namespace pp = public_petition;

pp::PublicPetition open_sample(Store& store, std::uint64_t token) {
  pp::PublicPetition petition = sample_public_petition();
  petition.sponsor_count = 5;
  petition.state = pp::PublicPetitionState::sponsored;
  petition.sponsored_at = public_epoch + 60;
  petition.id = store.public_petitions().create_petition(petition, sample_token(token));
  pp::publish(petition, pp::PetitionRules{}, public_epoch + 120);
  store.public_petitions().save_state(petition, pp::PublicPetitionState::sponsored, std::nullopt);
  return petition;
}

OutboxMessage mail(std::string to, std::optional<std::int64_t> petition) {
  OutboxMessage message;
  message.to = std::move(to);
  message.subject = "Please confirm your signature";
  message.body = "Confirm: https://example.org/public/petitions/1/confirm/abc\n";
  message.created_at = "2019-03-20T09:15:00Z";
  message.next_attempt_at = public_epoch;
  message.public_petition_id = petition;
  return message;
}

// A secret with every octet value somewhere in the run, NUL and 0xff included, distinct per n.
ConfirmLinkSecret secret_for(int n) {
  ConfirmLinkSecret secret{};
  for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<std::uint8_t>((n * 24 + i) % 256);
  return secret;
}

// `count` signatures of `petition` (every fifth through the sponsor link), their ids in order.
std::vector<std::int64_t> add_signatures(Store& store, std::int64_t petition, int count) {
  std::vector<NewPublicSignature> batch;
  for (int n = 1; n <= count; ++n) {
    batch.push_back(sample_signature(petition, n));
    batch.back().sponsor = n % 5 == 0;
  }
  std::vector<std::int64_t> ids;
  for (const SignatureInsert& inserted : store.public_petitions().add_signatures(batch))
    ids.push_back(*inserted.id);
  return ids;
}

}  // namespace

TEST_P(StoreContract, OutboxBatchRoundTripsWithItsPetition) {
  auto store = open();
  const pp::PublicPetition petition = open_sample(*store, 1);
  std::vector<OutboxMessage> messages;
  for (int i = 0; i < 37; ++i) {
    messages.push_back(mail("signer" + std::to_string(i) + "@example.com",
                            i % 3 == 0 ? std::nullopt : std::optional<std::int64_t>(petition.id)));
  }
  store->outbox().enqueue_batch(messages);
  store->outbox().enqueue_batch({});
  const std::vector<OutboxMessage> listed = store->outbox().list_outbox();
  ASSERT_EQ(listed.size(), messages.size());
  for (std::size_t i = 0; i < listed.size(); ++i) {
    OutboxMessage expected = messages[i];
    expected.id = listed[i].id;
    EXPECT_EQ(listed[i], expected) << i;
  }
  EXPECT_EQ(store->outbox().due(public_epoch, 100).size(), messages.size());
  const std::int64_t single = store->outbox().enqueue(mail("one@example.com", petition.id));
  EXPECT_EQ(store->outbox().list_outbox().back().id, single);
  EXPECT_EQ(store->outbox().list_outbox().back().public_petition_id, petition.id);
}

TEST_P(StoreContract, OutboxBatchRefusesABadMessageNamingItsLineBeforeWritingAny) {
  auto store = open();
  std::vector<OutboxMessage> messages{mail("a@example.com", std::nullopt), mail("b@example.com", std::nullopt)};
  messages[1].created_at = "yesterday";
  try {
    store->outbox().enqueue_batch(messages);
    FAIL() << "a bad created_at was taken";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->line, 2);
    EXPECT_EQ(error.where()->field, "created_at");
  }
  EXPECT_TRUE(store->outbox().list_outbox().empty());
}

TEST_P(StoreContract, ConfirmationSaysWhetherTheSignerIsASponsor) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(petition.id, 2)};
  batch[1].sponsor = true;
  const auto ids = petitions.add_signatures(batch);
  const std::vector<ConfirmToken> tokens{confirm_token_of(ids[0], batch[0]), confirm_token_of(ids[1], batch[1])};
  const auto confirmed = petitions.confirm_signatures(tokens, public_epoch + 600);
  ASSERT_TRUE(confirmed[0] && confirmed[1]);
  EXPECT_FALSE(confirmed[0]->sponsor);
  EXPECT_TRUE(confirmed[1]->sponsor);
}

TEST_P(StoreContract, APendingSignatureTakesANewConfirmationToken) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const NewPublicSignature signature = sample_signature(petition.id, 1);
  const std::int64_t id = *petitions.add_signatures(std::span(&signature, 1)).at(0).id;
  const TokenHash fresh = sample_token(77);
  EXPECT_TRUE(petitions.replace_confirm_token(id, fresh));
  EXPECT_EQ(petitions.find_signature(id)->confirm_token_hash, fresh);
  const std::vector<ConfirmToken> old_token{ConfirmToken{id, signature.confirm_token_hash}};
  EXPECT_FALSE(petitions.confirm_signatures(old_token, public_epoch + 60).at(0)) << "the old link is dead";
  const std::vector<ConfirmToken> new_token{ConfirmToken{id, fresh}};
  EXPECT_TRUE(petitions.confirm_signatures(new_token, public_epoch + 60).at(0));
  EXPECT_FALSE(petitions.replace_confirm_token(id, sample_token(78))) << "confirmed: nothing to re-send";
  EXPECT_FALSE(petitions.replace_confirm_token(id + 1000, sample_token(79)));
}

TEST_P(StoreContract, EverySignatureRowPagesInIdOrder) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const pp::PublicPetition other = open_sample(*store, 2);
  std::vector<NewPublicSignature> batch;
  for (int n = 1; n <= 7; ++n) batch.push_back(sample_signature(petition.id, n));
  batch.push_back(sample_signature(other.id, 8));
  const auto ids = petitions.add_signatures(batch);
  std::vector<std::int64_t> seen;
  std::int64_t after = 0;
  for (;;) {
    const auto page = petitions.list_signatures(petition.id, after, 3);
    for (const PublicSignatureRecord& row : page) {
      EXPECT_EQ(row.petition_id, petition.id);
      seen.push_back(row.id);
    }
    if (page.size() < 3) break;
    after = page.back().id;
  }
  std::vector<std::int64_t> expected;
  for (std::size_t i = 0; i < 7; ++i) expected.push_back(*ids[i].id);
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(error_kind_of([&] { petitions.list_signatures(petition.id, 0, 0); }), ErrorKind::invalid_input);
}

TEST_P(StoreContract, AnonymisingAPetitionDeletesItsUnsentEmailsOnly) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const pp::PublicPetition other = open_sample(*store, 2);
  const std::int64_t sent = store->outbox().enqueue(mail("sent@example.com", petition.id));
  store->outbox().mark_sent(sent, "2019-03-20T09:16:00Z");
  store->outbox().enqueue_batch(std::vector<OutboxMessage>{mail("unsent@example.com", petition.id),
                                                           mail("other@example.com", other.id),
                                                           mail("statutory@example.com", std::nullopt)});
  // Only the first petition closes before the cut-off.
  pp::PublicPetition closing = petition;
  ASSERT_TRUE(pp::close_if_due(closing, *closing.closes_at));
  petitions.save_state(closing, pp::PublicPetitionState::open, std::nullopt);
  const AnonymisationResult result = petitions.anonymise_closed_before(*closing.closes_at, *closing.closes_at + 10);
  EXPECT_EQ(result.petition_ids, std::vector<std::int64_t>{petition.id});
  EXPECT_EQ(result.unsent_emails_deleted, 1);
  std::vector<std::string> left;
  for (const OutboxMessage& message : store->outbox().list_outbox()) left.push_back(message.to);
  EXPECT_EQ(left, (std::vector<std::string>{"sent@example.com", "other@example.com", "statutory@example.com"}));
}

TEST_P(StoreContract, PostcodesAreLookedUpABatchAtATime) {
  auto store = open();
  std::vector<PostcodeRow> rows;
  std::vector<std::string> wanted;
  for (int i = 0; i < 300; ++i) {
    const std::string postcode = fmt::format("PE{} {}AA", i / 10 + 1, i % 10);
    rows.push_back({postcode, i % 2 == 0 ? "E14000864" : "W07000049"});
    if (i % 3 == 0) wanted.push_back(postcode);
  }
  store->postcodes().upsert_postcodes(rows);
  wanted.push_back("ZZ9 9ZZ");
  const auto found = store->postcodes().find_postcodes(wanted);
  EXPECT_EQ(found.size(), wanted.size() - 1);
  EXPECT_EQ(found.at("PE1 0AA"), "E14000864");
  EXPECT_EQ(found.at("PE1 3AA"), "W07000049");
  EXPECT_FALSE(found.contains("ZZ9 9ZZ"));
  EXPECT_TRUE(store->postcodes().find_postcodes({}).empty());
}

TEST_P(StoreContract, AnAccountMayBeAModerator) {
  auto store = open();
  const std::int64_t id = store->users().add_user({0, "mod@example.org", "moderator", "", "hash", 1, false});
  EXPECT_EQ(store->users().find_user(id)->role, "moderator");
}

TEST_P(StoreContract, QueuedConfirmationsAreTakenOnceInTheOrderQueuedWithWhatTheirEmailsSay) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const std::vector<std::int64_t> ids = add_signatures(*store, petition.id, 253);
  std::vector<QueuedConfirmation> first;
  for (int n = 0; n < 250; ++n) first.push_back({ids[n], secret_for(n)});
  petitions.queue_confirmations(first, public_epoch + 300);
  EXPECT_EQ(petitions.queued_confirmation_rows(), 2) << "200 links a row";
  const std::vector<QueuedConfirmation> second{
      {ids[250], secret_for(250)}, {ids[251], secret_for(251)}, {ids[252], secret_for(252)}};
  petitions.queue_confirmations(second, public_epoch + 400);
  petitions.queue_confirmations({}, public_epoch + 500);
  EXPECT_EQ(petitions.queued_confirmation_rows(), 3);

  const std::vector<ConfirmationToWrite> taken = petitions.take_queued_confirmations(2);
  ASSERT_EQ(taken.size(), 250U) << "the two oldest rows";
  for (int n = 0; n < 250; ++n) {
    ConfirmationToWrite expected;
    expected.link = first[n];
    expected.queued_at = public_epoch + 300;
    expected.petition_id = petition.id;
    expected.action = petition.text.action;
    expected.to = fmt::format("signer{}@example.com", n + 1);
    expected.sponsor = (n + 1) % 5 == 0;
    EXPECT_EQ(taken[n], expected) << n;
  }
  EXPECT_EQ(petitions.queued_confirmation_rows(), 1);
  const std::vector<ConfirmationToWrite> rest = petitions.take_queued_confirmations(1000);
  ASSERT_EQ(rest.size(), 3U);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    EXPECT_EQ(rest[i].link, second[i]);
    EXPECT_EQ(rest[i].queued_at, public_epoch + 400);
  }
  EXPECT_TRUE(petitions.take_queued_confirmations(10).empty()) << "each is taken once";
  EXPECT_EQ(petitions.queued_confirmation_rows(), 0);
}

TEST_P(StoreContract, OnlySignaturesStillWaitingForTheirEmailAreWritten) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(petition.id, 2)};
  const auto inserted = petitions.add_signatures(batch);
  const std::vector<QueuedConfirmation> links{{*inserted[0].id, secret_for(1)},
                                              {*inserted[1].id, secret_for(2)},
                                              {*inserted[1].id + 1000, secret_for(3)}};
  petitions.queue_confirmations(links, public_epoch + 300);
  // The second signer confirmed through a re-sent link before the first email was written.
  const std::vector<ConfirmToken> token{confirm_token_of(inserted[1], batch[1])};
  ASSERT_TRUE(petitions.confirm_signatures(token, public_epoch + 310).at(0));
  const std::vector<ConfirmationToWrite> taken = petitions.take_queued_confirmations(10);
  ASSERT_EQ(taken.size(), 1U) << "neither the confirmed signature nor one that is gone gets an email";
  EXPECT_EQ(taken[0].link, links[0]);
  EXPECT_EQ(petitions.queued_confirmation_rows(), 0) << "the row went all the same";
}

TEST_P(StoreContract, TakenConfirmationsReturnWhenTheTransactionRollsBack) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const std::vector<std::int64_t> ids = add_signatures(*store, petition.id, 3);
  const std::vector<QueuedConfirmation> links{
      {ids[0], secret_for(0)}, {ids[1], secret_for(1)}, {ids[2], secret_for(2)}};
  petitions.queue_confirmations(links, public_epoch + 300);
  struct WritingFailed {};
  EXPECT_THROW(store->transaction([&] {
    EXPECT_EQ(petitions.take_queued_confirmations(10).size(), 3U);
    throw WritingFailed{};
  }),
               WritingFailed);
  EXPECT_EQ(petitions.queued_confirmation_rows(), 1);
  EXPECT_EQ(petitions.take_queued_confirmations(10).size(), 3U) << "nothing was lost";
}

TEST_P(StoreContract, QueuingRefusesALinkWithoutASignatureNamingItBeforeWritingAny) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  const std::vector<std::int64_t> ids = add_signatures(*store, petition.id, 1);
  const std::vector<QueuedConfirmation> links{{ids[0], secret_for(0)}, {0, secret_for(1)}};
  try {
    petitions.queue_confirmations(links, public_epoch + 300);
    FAIL() << "a link naming no signature was queued";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->line, 2);
    EXPECT_EQ(error.where()->field, "signature_id");
  }
  EXPECT_EQ(petitions.queued_confirmation_rows(), 0);
  std::string field;
  EXPECT_EQ(error_kind_of([&] { petitions.take_queued_confirmations(0); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "max_rows");
}

TEST_P(StoreContract, NewSignaturesQueueTheirOwnLinksInTheSameWrite) {
  // Over PostgreSQL's 1,000 rows a statement, with a repeat of a stored signer and one within the
  // batch: each new row's link carries its own id and the secret given at its index, in batch order.
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  ASSERT_EQ(add_signatures(*store, petition.id, 1).size(), 1U);  // signer 1, stored before
  std::vector<NewPublicSignature> batch;
  std::vector<ConfirmLinkSecret> secrets;
  for (int n = 1; n <= 1003; ++n) {
    batch.push_back(sample_signature(petition.id, n));
    secrets.push_back(secret_for(n));
  }
  batch.push_back(sample_signature(petition.id, 5));
  secrets.push_back(secret_for(5000));
  const std::vector<SignatureInsert> inserted =
      petitions.add_signatures_and_links(batch, secrets, public_epoch + 300);
  ASSERT_EQ(inserted.size(), batch.size());
  EXPECT_TRUE(inserted.front().duplicate()) << "stored before";
  EXPECT_TRUE(inserted.back().duplicate()) << "earlier in the batch";

  const std::vector<ConfirmationToWrite> taken = petitions.take_queued_confirmations(1000);
  ASSERT_EQ(taken.size(), 1002U);
  for (std::size_t i = 1; i <= 1002; ++i) {
    const ConfirmationToWrite& email = taken[i - 1];
    EXPECT_EQ(email.link, (QueuedConfirmation{*inserted[i].id, secrets[i]})) << i;
    EXPECT_EQ(email.to, fmt::format("signer{}@example.com", i + 1)) << i;
    EXPECT_EQ(email.queued_at, public_epoch + 300);
    EXPECT_EQ(email.petition_id, petition.id);
  }
  EXPECT_EQ(petitions.queued_confirmation_rows(), 0);
}

TEST_P(StoreContract, SignaturesWithLinksRefuseBadInputBeforeWritingAny) {
  auto store = open();
  auto& petitions = store->public_petitions();
  const pp::PublicPetition petition = open_sample(*store, 1);
  std::vector<NewPublicSignature> batch{sample_signature(petition.id, 1), sample_signature(petition.id, 2)};
  std::string field;
  const std::vector<ConfirmLinkSecret> one{secret_for(1)};
  EXPECT_EQ(
      error_kind_of([&] { petitions.add_signatures_and_links(batch, one, public_epoch + 300); }, &field),
      ErrorKind::invalid_input);
  EXPECT_EQ(field, "secrets");
  const std::vector<ConfirmLinkSecret> two{secret_for(1), secret_for(2)};
  batch[1] = sample_signature(petition.id + 50, 2);
  try {
    petitions.add_signatures_and_links(batch, two, public_epoch + 300);
    FAIL() << "a signature of a missing petition was taken";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->line, 2) << "the row, not the trigger's message beneath it";
    EXPECT_EQ(error.where()->field, "petition_id");
  }
  EXPECT_TRUE(petitions.canonical_emails(petition.id, 0, 100).empty());
  EXPECT_EQ(petitions.queued_confirmation_rows(), 0);
}

}  // namespace recall::contract
