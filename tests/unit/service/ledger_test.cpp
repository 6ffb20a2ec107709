// The petition's ledger through PetitionService (issue 4): every signing event is a leaf appended in
// the step's own transaction, receipts find their leaf, checkpoints are signed at most every few
// seconds and finally at the count, the ledger stays sealed until the declaration, and a declared
// petition's export verifies and recounts to the declared figures, on SQLite and PostgreSQL.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <utility>

#include <unistd.h>

#include "core/ledger/checkpoint.hpp"
#include "core/ledger/hash.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "service/online_codes.hpp"
#include "service/simulation.hpp"
#include "service_world.hpp"
#include "store/open_connection.hpp"
#include "support/online_petition.hpp"
#include "verify/verify_petition.hpp"

namespace recall::testing {
namespace {

ledger::SignerKey test_key() { return ledger::generate_signer_key("recall.example.org"); }

ErrorKind kind_of(const std::function<void()>& step, std::string* message = nullptr) {
  try {
    step();
  } catch (const Error& e) {
    if (message != nullptr) *message = e.message();
    return e.kind();
  }
  ADD_FAILURE() << "no error was thrown";
  return ErrorKind::internal;
}

std::vector<LedgerLeaf> all_leaves(Store& store, std::int64_t petition_id) {
  std::vector<LedgerLeaf> out;
  for (const LeafBytes& bytes : store.ledgers().leaves(petition_id, 0, store.ledgers().size(petition_id))) {
    out.push_back(decode_leaf(bytes));
  }
  return out;
}

bool is_zero(const ReceiptNonce& nonce) { return nonce == ReceiptNonce{}; }
bool is_zero(const ledger::Hash& hash) { return hash == ledger::Hash{}; }

// Does the receipt's leaf sit in the tree of the signed checkpoint? Checked with the independent verifier.
bool receipt_verifies(const ReceiptFile& file, const ledger::SignerKey& key) {
  if (!file.proof) return false;
  const ledger::Checkpoint checkpoint = ledger::open_checkpoint(file.proof->checkpoint, key.verifier(), file.receipt.origin);
  const auto leaf = encode_leaf(file.receipt.leaf);
  return ledger::verify_inclusion(ledger::leaf_hash(leaf), file.proof->leaf_index, checkpoint.size,
                                  file.proof->inclusion, checkpoint.root);
}

// --- One petition, in person and by post, on SQLite :memory: -----------------------------------

class Ledger : public ServiceTest {
 protected:
  Ledger() { service_.use_ledger_key(key_); }

  void SetUp() override { id_ = open_with_places(); }

  std::string voter(std::int64_t place, std::size_t skip = 0) {
    return elector(AbsentVote::none, place, skip).entry.elector_number;
  }

  InPersonResult sign_at(std::int64_t place, const std::string& number) {
    return service_.sign_in_person(officer_, in_person(id_, place, number));
  }

  void count_and_declare() {
    set_time("2019-05-02T10:00");
    service_.run_count(officer_, id_);
    service_.record_speaker_notified(officer_, id_);
    service_.declare(officer_, id_);
  }

  ledger::SignerKey key_ = test_key();
  std::int64_t id_ = 0;
};

TEST_F(Ledger, OpeningAppendsOneIssuedLeafPerStandingPostalSheet) {
  const auto leaves = all_leaves(*store_, id_);
  const auto issues = store_->petitions().list_postal_issues(id_);
  ASSERT_FALSE(issues.empty()) << "the test register has postal voters";
  ASSERT_EQ(leaves.size(), issues.size());
  const ElectorKey elector_key = store_->ledgers().petition_key(id_);
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    EXPECT_EQ(leaves[i].event, LeafEvent::postal_sheet_issued);
    EXPECT_EQ(leaves[i].channel, issues[i].to_proxy ? SigningChannel::proxy_postal : SigningChannel::postal);
    EXPECT_EQ(leaves[i].elector_hash, elector_hash(elector_key, issues[i].elector_number));
    EXPECT_TRUE(is_zero(leaves[i].nonce)) << "nothing signed yet, so no receipt";
    EXPECT_EQ(leaves[i].day, day("2019-03-05"));
  }
  ASSERT_EQ(store_->ledgers().list_checkpoints(id_).size(), 1U) << "the opening's append is checkpointed";
  EXPECT_EQ(store_->ledgers().latest_checkpoint(id_)->tree_size, leaves.size());
}

TEST_F(Ledger, InPersonSigningGivesAReceiptForItsLeaf) {
  set_time("2019-03-20T10:00");
  const std::uint64_t before = store_->ledgers().size(id_);
  const std::string number = voter(place_ids_[0]);
  const InPersonResult signed_result = sign_at(place_ids_[0], number);
  ASSERT_EQ(signed_result.outcome, InPersonOutcome::signed_petition);
  ASSERT_TRUE(signed_result.receipt);
  const Receipt& receipt = *signed_result.receipt;
  EXPECT_EQ(receipt.origin, "recall.example.org/petitions/" + std::to_string(id_));
  EXPECT_EQ(receipt.leaf.event, LeafEvent::sheet_accepted);
  EXPECT_EQ(receipt.leaf.channel, SigningChannel::in_person);
  EXPECT_EQ(receipt.leaf.place_id, static_cast<std::uint64_t>(place_ids_[0]));
  EXPECT_EQ(receipt.leaf.day, day("2019-03-20"));
  EXPECT_EQ(receipt.leaf.elector_hash, elector_hash(store_->ledgers().petition_key(id_), number));
  EXPECT_FALSE(is_zero(receipt.leaf.nonce));
  ASSERT_EQ(store_->ledgers().find_receipt(id_, receipt.leaf.nonce), before);
  EXPECT_EQ(all_leaves(*store_, id_).back(), receipt.leaf) << "the receipt is the appended leaf";

  // Again at the same place: refused, an attempt leaf without a nonce, and no receipt.
  const InPersonResult again = sign_at(place_ids_[0], number);
  EXPECT_EQ(again.outcome, InPersonOutcome::already_signed);
  EXPECT_FALSE(again.receipt);
  ASSERT_EQ(store_->ledgers().size(id_), before + 2);
  const LedgerLeaf attempt = all_leaves(*store_, id_).back();
  EXPECT_EQ(attempt.event, LeafEvent::double_signing_attempt);
  EXPECT_EQ(attempt.elector_hash, receipt.leaf.elector_hash);
  EXPECT_TRUE(is_zero(attempt.nonce));
  EXPECT_EQ(store_->petitions().list_double_signing_attempts(id_).size(), 1U);
}

TEST_F(Ledger, RefusalsThatRecordNoSheetAppendNothing) {
  set_time("2019-03-20T10:00");
  const std::string signed_before = voter(place_ids_[0]);
  ASSERT_EQ(sign_at(place_ids_[0], signed_before).outcome, InPersonOutcome::signed_petition);
  const std::uint64_t size = store_->ledgers().size(id_);

  // The wrong place records the attempt of someone who signed, by a statement that takes the same time
  // either way, and appends no leaf for them or for anyone else.
  const InPersonResult wrong = sign_at(place_ids_[1], signed_before);
  EXPECT_EQ(wrong.outcome, InPersonOutcome::wrong_place);
  EXPECT_FALSE(wrong.receipt);
  EXPECT_EQ(sign_at(place_ids_[1], voter(place_ids_[0], 1)).outcome, InPersonOutcome::wrong_place);
  EXPECT_EQ(sign_at(place_ids_[0], under_18().entry.elector_number).outcome, InPersonOutcome::not_entitled);
  set_time("2019-03-20T23:00");
  EXPECT_EQ(sign_at(place_ids_[0], voter(place_ids_[0], 2)).outcome, InPersonOutcome::place_closed);
  EXPECT_EQ(store_->ledgers().size(id_), size);
  EXPECT_EQ(store_->petitions().list_double_signing_attempts(id_).size(), 1U);
}

TEST_F(Ledger, RolledBackStepLeavesNoLeaf) {
  set_time("2019-03-20T10:00");
  const std::uint64_t size = store_->ledgers().size(id_);
  const std::size_t checkpoints = store_->ledgers().list_checkpoints(id_).size();
  const std::string number = voter(place_ids_[0]);
  std::optional<Receipt> receipt;
  EXPECT_THROW(store_->transaction([&] {
    receipt = sign_at(place_ids_[0], number).receipt;
    ASSERT_EQ(store_->ledgers().size(id_), size + 1);
    throw std::runtime_error("the power failed");
  }),
               std::runtime_error);
  ASSERT_TRUE(receipt);
  EXPECT_EQ(store_->ledgers().size(id_), size);
  EXPECT_EQ(store_->ledgers().find_receipt(id_, receipt->leaf.nonce), std::nullopt);
  EXPECT_EQ(store_->ledgers().list_checkpoints(id_).size(), checkpoints);
  EXPECT_FALSE(store_->petitions().find_signature(id_, number));
  EXPECT_EQ(sign_at(place_ids_[0], number).outcome, InPersonOutcome::signed_petition) << "nothing was kept";
}

TEST_F(Ledger, PostalReturnsAppendTheirVerdict) {
  const std::string postal = elector(AbsentVote::postal).entry.elector_number;
  const std::string other = elector(AbsentVote::postal, std::nullopt, 1).entry.elector_number;
  set_time("2019-03-25T11:00");
  PostalReturnRequest request;
  request.petition_id = id_;
  request.elector_number = postal;
  request.received_on = day("2019-03-25");
  const PostalReturnResult accepted = service_.record_postal_return(officer_, request);
  ASSERT_TRUE(accepted.accepted);
  ASSERT_TRUE(accepted.receipt);
  EXPECT_EQ(accepted.receipt->leaf.event, LeafEvent::sheet_accepted);
  EXPECT_EQ(accepted.receipt->leaf.channel, SigningChannel::postal);
  EXPECT_EQ(accepted.receipt->leaf.day, day("2019-03-25"));
  EXPECT_EQ(accepted.receipt->leaf.place_id, 0U);

  const PostalReturnResult second = service_.record_postal_return(officer_, request);
  EXPECT_TRUE(second.double_signing);
  EXPECT_FALSE(second.receipt);
  EXPECT_EQ(all_leaves(*store_, id_).back().event, LeafEvent::double_signing_attempt);

  request.elector_number = other;
  request.signature_matched = false;
  const PostalReturnResult rejected = service_.record_postal_return(officer_, request);
  ASSERT_EQ(rejected.rejection, RejectionReason::identifiers_failed);
  ASSERT_TRUE(rejected.receipt) << "a rejected sheet naming an elector gets a receipt too";
  EXPECT_EQ(rejected.receipt->leaf.event, LeafEvent::sheet_rejected);
  EXPECT_EQ(rejected.receipt->leaf.rejection, RejectionReason::identifiers_failed);
  EXPECT_FALSE(is_zero(rejected.receipt->leaf.nonce));

  PostalReturnRequest void_sheet;
  void_sheet.petition_id = id_;
  void_sheet.void_for_uncertainty = true;
  void_sheet.received_on = day("2019-03-25");
  const PostalReturnResult voided = service_.record_postal_return(officer_, void_sheet);
  EXPECT_FALSE(voided.receipt);
  const LedgerLeaf last = all_leaves(*store_, id_).back();
  EXPECT_EQ(last.event, LeafEvent::sheet_rejected);
  EXPECT_EQ(last.rejection, RejectionReason::unmarked_or_void_for_uncertainty);
  EXPECT_TRUE(is_zero(last.elector_hash)) << "nobody can be named on a void sheet";
  EXPECT_TRUE(is_zero(last.nonce));
}

TEST_F(Ledger, PostalApplicationAppendsAnIssuedLeaf) {
  set_time("2019-03-25T11:00");
  const std::uint64_t size = store_->ledgers().size(id_);
  const std::string number = voter(place_ids_[0]);
  service_.issue_postal_sheet(officer_, id_, number);
  ASSERT_EQ(store_->ledgers().size(id_), size + 1);
  const LedgerLeaf leaf = all_leaves(*store_, id_).back();
  EXPECT_EQ(leaf.event, LeafEvent::postal_sheet_issued);
  EXPECT_EQ(leaf.channel, SigningChannel::postal);
  EXPECT_EQ(leaf.day, day("2019-03-25"));
  EXPECT_TRUE(is_zero(leaf.nonce));
}

TEST_F(Ledger, CheckpointsAreSignedAtMostEveryIntervalOfTheServiceClock) {
  constexpr std::int64_t interval = PetitionService::checkpoint_interval_seconds;
  set_time("2019-03-20T10:00");
  const std::size_t at_opening = store_->ledgers().list_checkpoints(id_).size();
  ASSERT_EQ(sign_at(place_ids_[0], voter(place_ids_[0], 0)).outcome, InPersonOutcome::signed_petition);
  const auto first = store_->ledgers().list_checkpoints(id_);
  ASSERT_EQ(first.size(), at_opening + 1) << "the opening's checkpoint is days old";
  EXPECT_EQ(first.back().tree_size, store_->ledgers().size(id_));
  EXPECT_EQ(first.back().created_at, "2019-03-20T10:00:00Z");

  now_ += interval - 1;
  ASSERT_EQ(sign_at(place_ids_[0], voter(place_ids_[0], 1)).outcome, InPersonOutcome::signed_petition);
  EXPECT_EQ(store_->ledgers().list_checkpoints(id_).size(), at_opening + 1) << "too soon after the last";

  now_ += 1;
  ASSERT_EQ(sign_at(place_ids_[0], voter(place_ids_[0], 2)).outcome, InPersonOutcome::signed_petition);
  const auto third = store_->ledgers().list_checkpoints(id_);
  ASSERT_EQ(third.size(), at_opening + 2);
  EXPECT_EQ(third.back().tree_size, store_->ledgers().size(id_)) << "covers the leaf of the sheet in between";
  const ledger::Checkpoint opened = ledger::open_checkpoint(third.back().signed_note, key_.verifier(),
                                                            "recall.example.org/petitions/" + std::to_string(id_));
  EXPECT_EQ(opened.root, ledger::root_at(*store_->ledgers().node_source(id_), opened.size));
}

TEST_F(Ledger, SealedUntilTheDeclaration) {
  set_time("2019-03-20T10:00");
  const InPersonResult signed_result = sign_at(place_ids_[0], voter(place_ids_[0]));
  ASSERT_TRUE(signed_result.receipt);

  const LedgerStatus status = service_.ledger_status(id_);
  EXPECT_TRUE(status.sealed);
  EXPECT_EQ(status.origin, "recall.example.org/petitions/" + std::to_string(id_));
  EXPECT_FALSE(status.checkpoint) << "even its size would be a running total";
  EXPECT_FALSE(status.leaves_published);
  EXPECT_TRUE(service_.published_checkpoints(id_).empty());
  EXPECT_FALSE(store_->ledgers().list_checkpoints(id_).empty()) << "checkpoints are made, and kept sealed";

  // The same answer whether or not the nonce belongs to someone who signed.
  std::string real_message;
  std::string random_message;
  EXPECT_EQ(kind_of([&] { (void)service_.receipt_with_proof(id_, signed_result.receipt->leaf.nonce); }, &real_message),
            ErrorKind::conflict);
  ReceiptNonce random{};
  random.fill(0x5a);
  EXPECT_EQ(kind_of([&] { (void)service_.receipt_with_proof(id_, random); }, &random_message), ErrorKind::conflict);
  EXPECT_EQ(real_message, random_message);
  EXPECT_EQ(kind_of([&] { (void)service_.consistency_proof(id_, 0, 1); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { (void)service_.published_petition(id_); }), ErrorKind::conflict);

  set_time("2019-05-02T10:00");
  service_.run_count(officer_, id_);
  EXPECT_TRUE(service_.ledger_status(id_).sealed) << "counted but not declared";
  EXPECT_EQ(kind_of([&] { (void)service_.published_petition(id_); }), ErrorKind::conflict);
}

TEST_F(Ledger, AfterTheDeclarationAReceiptVerifiesAgainstTheFinalCheckpoint) {
  set_time("2019-03-20T10:00");
  const InPersonResult signed_result = sign_at(place_ids_[0], voter(place_ids_[0]));
  ASSERT_TRUE(signed_result.receipt);
  set_time("2019-03-21T10:00");
  ASSERT_EQ(sign_at(place_ids_[1], voter(place_ids_[1])).outcome, InPersonOutcome::signed_petition);
  count_and_declare();

  const LedgerStatus status = service_.ledger_status(id_);
  EXPECT_FALSE(status.sealed);
  ASSERT_TRUE(status.checkpoint);
  EXPECT_EQ(status.checkpoint->tree_size, store_->ledgers().size(id_)) << "the count's final checkpoint";
  EXPECT_TRUE(status.leaves_published);
  EXPECT_EQ(service_.published_checkpoints(id_), store_->ledgers().list_checkpoints(id_));

  const std::optional<ReceiptFile> file = service_.receipt_with_proof(id_, signed_result.receipt->leaf.nonce);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->receipt, *signed_result.receipt);
  ASSERT_TRUE(file->proof);
  EXPECT_EQ(file->proof->checkpoint, status.checkpoint->signed_note);
  EXPECT_TRUE(receipt_verifies(*file, key_));

  ReceiptNonce random{};
  random.fill(0x5a);
  EXPECT_EQ(service_.receipt_with_proof(id_, random), std::nullopt);

  // Every earlier checkpoint is a prefix of the final one.
  const ledger::Checkpoint final_checkpoint =
      ledger::open_checkpoint(status.checkpoint->signed_note, key_.verifier());
  for (const StoredCheckpoint& earlier : service_.published_checkpoints(id_)) {
    const ledger::Checkpoint opened = ledger::open_checkpoint(earlier.signed_note, key_.verifier());
    EXPECT_TRUE(ledger::verify_consistency(opened.size, final_checkpoint.size, opened.root, final_checkpoint.root,
                                           service_.consistency_proof(id_, opened.size, final_checkpoint.size)))
        << opened.size;
  }
  std::string field;
  try {
    (void)service_.consistency_proof(id_, 0, final_checkpoint.size + 1);
    ADD_FAILURE() << "a size beyond the published checkpoint";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->field, "new_size");
  }
  try {
    (void)service_.consistency_proof(id_, 2, 1);
    ADD_FAILURE() << "old larger than new";
  } catch (const Error& e) {
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->field, "old_size");
  }

  const PublishedPetition published = service_.published_petition(id_);
  const PetitionVerification verification = verify_published_petition(published);
  EXPECT_TRUE(verification.ok()) << (verification.problems.empty() ? "" : verification.problems[0].message);
  EXPECT_EQ(verification.recount.valid_signatures, 2);
  EXPECT_EQ(published.verifier_key, service_.ledger_verifier_key());
}

TEST_F(Ledger, NothingIsAppendedAfterTheCount) {
  set_time("2019-05-02T10:00");
  service_.run_count(officer_, id_);
  const std::uint64_t size = store_->ledgers().size(id_);
  PostalReturnRequest request;
  request.petition_id = id_;
  request.elector_number = elector(AbsentVote::postal).entry.elector_number;
  request.received_on = day("2019-05-02");
  EXPECT_EQ(kind_of([&] { service_.record_postal_return(officer_, request); }), ErrorKind::conflict);
  EXPECT_EQ(sign_at(place_ids_[0], voter(place_ids_[0])).outcome, InPersonOutcome::place_closed);
  EXPECT_EQ(kind_of([&] { service_.terminate(officer_, id_, Termination{day("2019-05-02"), TerminationReason::seat_vacated, "the member resigned"}); }),
            ErrorKind::conflict);
  EXPECT_EQ(store_->ledgers().size(id_), size);
  EXPECT_EQ(store_->ledgers().latest_checkpoint(id_)->tree_size, size) << "the final checkpoint covers everything";
}

TEST_F(Ledger, TerminationAppendsOneLeafAndSealsTheLedgerForGood) {
  set_time("2019-03-20T10:00");
  ASSERT_EQ(sign_at(place_ids_[0], voter(place_ids_[0])).outcome, InPersonOutcome::signed_petition);
  set_time("2019-03-22T12:00");
  service_.terminate(officer_, id_, Termination{day("2019-03-22"), TerminationReason::seat_vacated, "the member resigned"});
  const LedgerLeaf last = all_leaves(*store_, id_).back();
  EXPECT_EQ(last.event, LeafEvent::termination);
  EXPECT_EQ(last.day, day("2019-03-22"));
  EXPECT_FALSE(last.channel);
  EXPECT_TRUE(is_zero(last.elector_hash));
  EXPECT_TRUE(service_.ledger_status(id_).sealed);
  set_time("2019-06-01T10:00");
  EXPECT_TRUE(service_.ledger_status(id_).sealed) << "a terminated petition is never counted";
}

TEST_F(Ledger, WithoutAKeyLeavesAreAppendedButNothingIsSigned) {
  PetitionService unkeyed(*store_, SharedData::get().parliament, SharedData::get().policies, [this] { return now_; });
  set_time("2019-03-20T10:00");
  const std::size_t checkpoints = store_->ledgers().list_checkpoints(id_).size();
  const InPersonResult result = unkeyed.sign_in_person(officer_, in_person(id_, place_ids_[0], voter(place_ids_[0])));
  ASSERT_TRUE(result.receipt);
  EXPECT_EQ(result.receipt->origin, "unsigned/petitions/" + std::to_string(id_));
  EXPECT_EQ(store_->ledgers().list_checkpoints(id_).size(), checkpoints);
  EXPECT_EQ(unkeyed.ledger_verifier_key(), std::nullopt);
  EXPECT_EQ(unkeyed.ledger_status(id_).origin, "unsigned/petitions/" + std::to_string(id_));

  set_time("2019-05-02T10:00");
  unkeyed.run_count(officer_, id_);
  unkeyed.record_speaker_notified(officer_, id_);
  unkeyed.declare(officer_, id_);
  EXPECT_EQ(kind_of([&] { (void)unkeyed.published_petition(id_); }), ErrorKind::conflict);
  EXPECT_FALSE(unkeyed.ledger_status(id_).leaves_published);
  // With the key added later, the export signs its final checkpoint.
  const PublishedPetition published = service_.published_petition(id_);
  EXPECT_TRUE(verify_published_petition(published).ok());
}

// --- Online: the receipt code is the leaf's nonce ------------------------------------------------

TEST(LedgerOnline, TheOnlineReceiptIsTheLeafNonceCode) {
  OnlinePetition petition;
  const ledger::SignerKey key = test_key();
  petition.service().use_ledger_key(key);
  petition.service().request_online_code(petition.petition_id(), "PA-1", make_date(1980, 12, 10), "PE1 1AA",
                                         "ada@example.com", "192.0.2.10");
  // The code is only in the email; read it back from the outbox.
  const auto outbox = petition.store().outbox().list_outbox();
  ASSERT_FALSE(outbox.empty());
  std::smatch match;
  ASSERT_TRUE(std::regex_search(outbox.back().body, match, std::regex("\n    ([0-9]{6})\n"))) << outbox.back().body;
  const std::string code = match[1];

  const PetitionService::OnlineReceipt receipt = petition.service().confirm_online_code(petition.petition_id(), "PA-1", code);
  EXPECT_EQ(receipt.ledger.leaf.channel, SigningChannel::online);
  EXPECT_EQ(receipt.ledger.leaf.event, LeafEvent::sheet_accepted);
  EXPECT_EQ(receipt.receipt.size(), 26U);
  EXPECT_EQ(receipt.receipt.find('-'), std::string::npos);
  EXPECT_EQ(group_receipt_code(receipt.receipt), receipt_code(receipt.ledger.leaf.nonce))
      << "the display grouping is the receipt code's";
  EXPECT_EQ(parse_receipt_code(receipt.receipt), receipt.ledger.leaf.nonce);
  EXPECT_EQ(petition.store().petitions().find_signature(petition.petition_id(), "PA-1")->receipt, receipt.receipt);
  EXPECT_TRUE(petition.store().ledgers().find_receipt(petition.petition_id(), receipt.ledger.leaf.nonce));
}

// --- A petition whose policy does not seal running totals ----------------------------------------
// ca-state-legislator does not seal them, but its signing opens on the notice day and the service opens
// a petition only before its designated day, so none of its petitions can be run here. This is
// uk-2015 with running_totals_sealed: false instead, read from a policy file written for the test.

PolicySet policies_with_open_totals() {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("recall-open-totals-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ifstream in(RECALL_SOURCE_DIR "/policies/uk-2015.yaml", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::pair<std::string, std::string> edits[] = {{"id: uk-2015\n", "id: uk-open-totals\n"},
                                                       {"running_totals_sealed: true", "running_totals_sealed: false"}};
  for (const auto& [from, to] : edits) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("uk-2015.yaml has no \"" + from + "\"");
    text.replace(at, from.size(), to);
  }
  std::ofstream(dir / "uk-open-totals.yaml", std::ios::binary) << text;
  PolicySet policies = PolicySet::load_directory(dir);
  std::filesystem::remove_all(dir);
  return policies;
}

class UnsealedLedger : public ServiceTest {
 protected:
  UnsealedLedger() : open_(*store_, SharedData::get().parliament, open_policies_, [this] { return now_; }) {
    open_.use_ledger_key(key_);
  }

  void SetUp() override {
    import_register();
    OpenPetitionRequest request = peterborough_request();
    request.policy_id = "uk-open-totals";
    id_ = petition_id_ = open_.open_petition(officer_, request).id;
    place_ids_.push_back(open_.add_place(officer_, place(id_, 1)));
  }

  PolicySet open_policies_ = policies_with_open_totals();
  PetitionService open_;
  ledger::SignerKey key_ = test_key();
  std::int64_t id_ = 0;
};

TEST_F(UnsealedLedger, PublishesCheckpointsAndProofsWhileSigning) {
  set_time("2019-03-20T10:00");
  const InPersonResult signed_result = open_.sign_in_person(
      officer_, in_person(id_, place_ids_[0], elector(AbsentVote::none, place_ids_[0]).entry.elector_number));
  ASSERT_TRUE(signed_result.receipt);

  const LedgerStatus status = open_.ledger_status(id_);
  EXPECT_FALSE(status.sealed);
  ASSERT_TRUE(status.checkpoint);
  EXPECT_EQ(status.checkpoint->tree_size, store_->ledgers().size(id_));
  EXPECT_FALSE(status.leaves_published) << "the export waits for the declaration";
  EXPECT_EQ(open_.published_checkpoints(id_), store_->ledgers().list_checkpoints(id_));

  const std::optional<ReceiptFile> file = open_.receipt_with_proof(id_, signed_result.receipt->leaf.nonce);
  ASSERT_TRUE(file);
  EXPECT_TRUE(receipt_verifies(*file, key_));
  EXPECT_EQ(kind_of([&] { (void)open_.published_petition(id_); }), ErrorKind::conflict);

  // A leaf newer than the latest checkpoint has no proof yet.
  now_ += 1;
  const InPersonResult next = open_.sign_in_person(
      officer_, in_person(id_, place_ids_[0], elector(AbsentVote::none, place_ids_[0], 1).entry.elector_number));
  ASSERT_TRUE(next.receipt);
  const std::optional<ReceiptFile> early = open_.receipt_with_proof(id_, next.receipt->leaf.nonce);
  ASSERT_TRUE(early);
  EXPECT_FALSE(early->proof);
}

// --- A whole simulated petition, exported and verified, on every backend --------------------------

enum class Backend { sqlite_memory, sqlite_file, postgresql };

std::string name_of(const ::testing::TestParamInfo<Backend>& info) {
  switch (info.param) {
    case Backend::sqlite_memory:
      return "SqliteMemory";
    case Backend::sqlite_file:
      return "SqliteFile";
    case Backend::postgresql:
      return "PostgreSQL";
  }
  return "unknown";
}

// A database of the backend for one test, removed afterwards: a temporary file, or a schema of its own
// in the PostgreSQL that RECALL_TEST_POSTGRES_URL names.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(Backend backend) {
    const std::string suffix = std::to_string(::getpid()) + "_" + std::to_string(++sequence_);
    switch (backend) {
      case Backend::sqlite_memory:
        url_ = ":memory:";
        break;
      case Backend::sqlite_file:
        file_ = std::filesystem::temp_directory_path() / ("recall-ledger-" + suffix + ".sqlite");
        url_ = file_.string();
        break;
      case Backend::postgresql: {
        const char* base = std::getenv("RECALL_TEST_POSTGRES_URL");
        if (base == nullptr || *base == '\0') return;
        base_ = base;
        schema_ = "recall_ledger_" + suffix;
        open_connection(base_)->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
        url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
        break;
      }
    }
  }
  ~ScratchDatabase() {
    try {
      if (!schema_.empty()) open_connection(base_)->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      if (!file_.empty()) {
        for (const char* extra : {"", "-wal", "-shm"}) std::filesystem::remove(file_.string() + extra);
      }
    } catch (const std::exception&) {
      // Nothing more to clean.
    }
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  [[nodiscard]] const std::string& url() const { return url_; }  // empty: the backend is not configured

 private:
  static inline int sequence_ = 0;
  std::string url_;
  std::filesystem::path file_;
  std::string base_;
  std::string schema_;
};

class LedgerExport : public ::testing::TestWithParam<Backend> {};

TEST_P(LedgerExport, ASimulatedPetitionVerifiesAndRecountsToTheDeclaration) {
  ScratchDatabase database(GetParam());
  if (database.url().empty()) GTEST_SKIP() << "RECALL_TEST_POSTGRES_URL is not set";
  auto store = open_store(database.url());
  SimulationOptions options;
  options.ons_code = peterborough;
  options.policy_id = "uk-2015";
  options.notice = day("2019-03-05");
  options.electors = 2000;
  options.signatures = 260;
  options.rejected = 24;
  options.seed = 7;
  options.ledger_key = test_key();
  const SimulationResult result = simulate_petition(*store, SharedData::get().parliament, SharedData::get().policies, options);
  ASSERT_TRUE(result.declaration);
  const Declaration& declared = *result.declaration;

  std::int64_t now = unix_seconds_at(LocalDateTime{day("2019-05-10"), 12 * 60});
  PetitionService service(*store, SharedData::get().parliament, SharedData::get().policies, [&now] { return now; });
  service.use_ledger_key(*options.ledger_key);
  const PublishedPetition published = service.published_petition(result.petition.id);
  EXPECT_EQ(published.origin, "recall.example.org/petitions/" + std::to_string(result.petition.id));
  EXPECT_EQ(published.ons_code, peterborough);
  EXPECT_FALSE(published.checkpoints.empty()) << "checkpoints were signed while the log grew";

  const PetitionVerification verification = verify_published_petition(published);
  for (const Discrepancy& problem : verification.problems) ADD_FAILURE() << problem.message;
  EXPECT_EQ(verification.tree_size, store->ledgers().size(result.petition.id));
  EXPECT_EQ(verification.recount.valid_signatures, declared.valid_signatures);
  EXPECT_EQ(verification.recount.rejected, declared.rejected);
  EXPECT_EQ(verification.recount.rejected_by_reason, declared.rejected_by_reason);
  EXPECT_EQ(verification.recount.postal_sheets_issued,
            std::ssize(store->petitions().list_postal_issues(result.petition.id)));
  EXPECT_FALSE(verification.recount.terminated);

  // A tampered leaf is caught: the root no longer matches the signed checkpoint.
  PublishedPetition tampered = published;
  tampered.leaves.front()[12] ^= 1;
  EXPECT_FALSE(verify_published_petition(tampered).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerExport,
                         ::testing::Values(Backend::sqlite_memory, Backend::sqlite_file, Backend::postgresql), name_of);

}  // namespace
}  // namespace recall::testing
