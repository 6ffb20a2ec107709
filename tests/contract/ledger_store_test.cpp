// LedgerStore on every backend: the stored log must be indistinguishable from the in-memory
// MerkleLog (same roots and proofs, checked again with the independent verifier), transactional,
// and safe against a second appender.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

#include "contract/ledger_sample.hpp"
#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/proof_verifier.hpp"

namespace recall::contract {

namespace {

constexpr const char* peterborough = "E14000864";
constexpr const char* brecon = "W07000068";

ReceiptNonce nonce_of(const LeafBytes& leaf) { return decode_leaf(leaf).nonce; }

std::string signed_checkpoint(const ledger::SignerKey& key, std::uint64_t size, const ledger::Hash& root) {
  return ledger::sign_checkpoint({key.name(), size, root, {}}, key);
}

}  // namespace

TEST_P(StoreContract, LedgerMatchesTheInMemoryLogAtEverySize) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  LedgerStore& ledgers = store->ledgers();
  ledger::MerkleLog memory;
  std::mt19937_64 random(20150326);  // fixed: a failure replays

  constexpr std::uint64_t total = 300;
  while (memory.size() < total) {
    const std::uint64_t batch = std::min<std::uint64_t>(1 + random() % 40, total - memory.size());
    const auto leaves = sample_leaves(petition, memory.size(), batch);
    EXPECT_EQ(ledgers.append(petition, leaves), memory.size()) << "append returns the first new index";
    for (const LeafBytes& leaf : leaves) memory.append(leaf);
    ASSERT_EQ(ledgers.size(petition), memory.size());
    EXPECT_EQ(ledger::root_at(*ledgers.node_source(petition), memory.size()), memory.root());
  }

  const auto stored = ledgers.node_source(petition);
  ASSERT_EQ(stored->size(), total);
  for (std::uint64_t size = 1; size <= total; ++size) {
    const ledger::Hash root = ledger::root_at(*stored, size);
    ASSERT_EQ(root, memory.root_at(size)) << "size " << size;

    for (const std::uint64_t leaf : {std::uint64_t{0}, size / 2, size - 1, random() % size}) {
      const auto proof = ledger::inclusion_proof(*stored, leaf, size);
      EXPECT_EQ(proof, memory.inclusion_proof(leaf, size)) << "leaf " << leaf << " of " << size;
      EXPECT_TRUE(ledger::verify_inclusion(memory.leaf_hash_at(leaf), leaf, size, proof, root))
          << "leaf " << leaf << " of " << size;
    }

    const std::uint64_t old_size = random() % (size + 1);
    const auto consistency = ledger::consistency_proof(*stored, old_size, size);
    EXPECT_EQ(consistency, memory.consistency_proof(old_size, size)) << old_size << " -> " << size;
    EXPECT_TRUE(ledger::verify_consistency(old_size, size, memory.root_at(old_size), root, consistency))
        << old_size << " -> " << size;
  }
}

TEST_P(StoreContract, LedgerNodeSourceRefusesSubtreesBeyondItsSize) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  store->ledgers().append(petition, sample_leaves(petition, 0, 5));
  const auto stored = store->ledgers().node_source(petition);
  EXPECT_EQ(stored->node({2, 0}), ledger::root_at(*stored, 4));
  EXPECT_EQ(error_kind_of([&] { (void)stored->node({0, 5}); }), ErrorKind::invalid_input);
  EXPECT_EQ(error_kind_of([&] { (void)stored->node({3, 0}); }), ErrorKind::invalid_input) << "8 leaves, of 5";
  EXPECT_EQ(error_kind_of([&] { (void)stored->node({64, 0}); }), ErrorKind::invalid_input);
  EXPECT_EQ(error_kind_of([&] { (void)ledger::inclusion_proof(*stored, 0, 6); }), ErrorKind::invalid_input);

  const auto empty = store->ledgers().node_source(petition + 1);
  EXPECT_EQ(empty->size(), 0U);
  EXPECT_EQ(ledger::root_at(*empty, 0), ledger::empty_root());
}

TEST_P(StoreContract, LedgerLeavesReadBackByteIdentical) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  const auto leaves = sample_leaves(petition, 0, 130);
  store->ledgers().append(petition, std::span(leaves).first(100));
  store->ledgers().append(petition, std::span(leaves).subspan(100));

  EXPECT_EQ(store->ledgers().leaves(petition, 0, 130), leaves);
  EXPECT_EQ(store->ledgers().leaves(petition, 97, 5),
            std::vector<LeafBytes>(leaves.begin() + 97, leaves.begin() + 102));
  EXPECT_EQ(store->ledgers().leaves(petition, 120, 1000), std::vector<LeafBytes>(leaves.begin() + 120, leaves.end()))
      << "cut short at the end of the log";
  EXPECT_TRUE(store->ledgers().leaves(petition, 130, 10).empty());
  EXPECT_TRUE(store->ledgers().leaves(petition, 0, 0).empty());
  EXPECT_TRUE(store->ledgers().leaves(petition + 1, 0, 10).empty()) << "another petition's ledger is empty";
}

TEST_P(StoreContract, LedgerAppendsAreKeptPerPetition) {
  auto store = open();
  const std::int64_t first = add_ledger_petition(*store, peterborough);
  const std::int64_t second = add_ledger_petition(*store, brecon);
  store->ledgers().append(first, sample_leaves(first, 0, 7));
  EXPECT_EQ(store->ledgers().append(second, sample_leaves(second, 0, 3)), 0U) << "each petition's log starts at 0";
  EXPECT_EQ(store->ledgers().size(first), 7U);
  EXPECT_EQ(store->ledgers().size(second), 3U);

  ledger::MerkleLog memory;
  for (const LeafBytes& leaf : sample_leaves(second, 0, 3)) memory.append(leaf);
  EXPECT_EQ(ledger::root_at(*store->ledgers().node_source(second), 3), memory.root());
}

TEST_P(StoreContract, LedgerAppendRolledBackLeavesNothing) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  store->ledgers().append(petition, sample_leaves(petition, 0, 10));
  const ledger::Hash root = ledger::root_at(*store->ledgers().node_source(petition), 10);

  EXPECT_THROW(store->transaction([&] {
    store->ledgers().lock_for_append(petition);
    EXPECT_EQ(store->ledgers().append(petition, sample_leaves(petition, 10, 25)), 10U);
    EXPECT_EQ(store->ledgers().size(petition), 35U) << "the transaction sees its own appends";
    throw std::runtime_error("the signing sheets failed to save");
  }),
               std::runtime_error);

  EXPECT_EQ(store->ledgers().size(petition), 10U);
  EXPECT_EQ(store->ledgers().leaves(petition, 0, 100).size(), 10U);
  EXPECT_EQ(ledger::root_at(*store->ledgers().node_source(petition), 10), root);
  // No subtree hash of the rolled-back leaves survived either: appending again rebuilds the same log.
  EXPECT_EQ(store->ledgers().append(petition, sample_leaves(petition, 10, 25)), 10U);
  ledger::MerkleLog memory;
  for (const LeafBytes& leaf : sample_leaves(petition, 0, 35)) memory.append(leaf);
  EXPECT_EQ(ledger::root_at(*store->ledgers().node_source(petition), 35), memory.root());
}

TEST_P(StoreContract, LedgerAppendRefusesWrongLeavesAndUnknownPetitions) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  std::string field;

  auto leaves = sample_leaves(petition, 0, 3);
  leaves[2] = sample_leaf(petition + 7, 2);
  EXPECT_EQ(error_kind_of([&] { store->ledgers().append(petition, leaves); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "petition_id");

  leaves = sample_leaves(petition, 0, 3);
  leaves[1][0] = 9;  // version
  try {
    store->ledgers().append(petition, leaves);
    ADD_FAILURE() << "a leaf of an unknown version was appended";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(error.where()->line, 2) << "the leaf's position in the batch";
    EXPECT_EQ(error.where()->column, 1) << "the version octet";
  }

  EXPECT_EQ(error_kind_of([&] { store->ledgers().append(petition + 1, sample_leaves(petition + 1, 0, 1)); }),
            ErrorKind::not_found);
  EXPECT_EQ(store->ledgers().size(petition), 0U) << "nothing of the refused batches was kept";
  EXPECT_EQ(store->ledgers().append(petition, {}), 0U) << "an empty batch appends nothing";
}

TEST_P(StoreContract, LedgerSecondAppenderFailsInsteadOfForking) {
  RECALL_REQUIRE_SHARED_DATABASE();
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  store->ledgers().append(petition, sample_leaves(petition, 0, 4));
  // What a racing appender that read the same frontier would have written first: leaf 4's hash.
  const std::string id = std::to_string(petition);
  database().execute_raw(GetParam() == Backend::postgresql
                             ? "INSERT INTO ledger_nodes VALUES (" + id + ", 0, 4, decode(repeat('ab', 32), 'hex'))"
                             : "INSERT INTO ledger_nodes VALUES (" + id + ", 0, 4, zeroblob(32))");

  EXPECT_EQ(error_kind_of([&] { store->ledgers().append(petition, sample_leaves(petition, 4, 3)); }),
            ErrorKind::conflict);
  EXPECT_EQ(store->ledgers().size(petition), 4U) << "the failed append kept none of its leaves";
}

TEST_P(StoreContract, LedgerAppendLockSerialisesAppenders) {
  RECALL_REQUIRE_SHARED_DATABASE();  // two connections: PostgreSQL's advisory lock, SQLite's write lock
  auto first = open();
  auto second = open();
  const std::int64_t petition = add_ledger_petition(*first, peterborough);
  first->ledgers().append(petition, sample_leaves(petition, 0, 3));

  std::atomic<bool> second_done = false;
  std::uint64_t second_first_index = 0;
  std::thread racer;
  first->transaction([&] {
    first->ledgers().lock_for_append(petition);
    racer = std::thread([&] {
      second_first_index = second->ledgers().append(petition, sample_leaves(petition, 8, 4));
      second_done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_FALSE(second_done) << "the second appender must wait for the first transaction";
    EXPECT_EQ(first->ledgers().append(petition, sample_leaves(petition, 3, 5)), 3U);
  });
  racer.join();
  EXPECT_EQ(second_first_index, 8U) << "the second appender read the frontier the first one wrote";

  ledger::MerkleLog memory;
  for (const LeafBytes& leaf : sample_leaves(petition, 0, 12)) memory.append(leaf);
  EXPECT_EQ(first->ledgers().size(petition), 12U);
  EXPECT_EQ(ledger::root_at(*first->ledgers().node_source(petition), 12), memory.root());
}

TEST_P(StoreContract, LedgerCheckpointsRoundTrip) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  LedgerStore& ledgers = store->ledgers();
  const ledger::SignerKey key = ledger::generate_signer_key("recall.example/petition/1");
  ledgers.append(petition, sample_leaves(petition, 0, 12));
  const auto log = ledgers.node_source(petition);

  EXPECT_EQ(ledgers.latest_checkpoint(petition), std::nullopt);
  const StoredCheckpoint at_five{5, signed_checkpoint(key, 5, ledger::root_at(*log, 5)), "2019-03-19T10:00:00Z"};
  const StoredCheckpoint at_twelve{12, signed_checkpoint(key, 12, ledger::root_at(*log, 12)), "2019-03-19T11:00:00Z"};
  ledgers.add_checkpoint(petition, at_twelve);
  ledgers.add_checkpoint(petition, at_five);

  EXPECT_EQ(ledgers.latest_checkpoint(petition), at_twelve);
  EXPECT_EQ(ledgers.checkpoint_at(petition, 5), at_five);
  EXPECT_EQ(ledgers.checkpoint_at(petition, 7), std::nullopt);
  EXPECT_EQ(ledgers.list_checkpoints(petition), (std::vector<StoredCheckpoint>{at_five, at_twelve}));
  const ledger::Checkpoint opened = ledger::open_checkpoint(ledgers.latest_checkpoint(petition)->signed_note,
                                                            key.verifier());
  EXPECT_EQ(opened.root, ledger::root_at(*log, 12));
  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, at_five); }), ErrorKind::conflict);
}

TEST_P(StoreContract, LedgerCheckpointMustMatchTheStoredLog) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  LedgerStore& ledgers = store->ledgers();
  const ledger::SignerKey key = ledger::generate_signer_key("recall.example/petition/1");
  ledgers.append(petition, sample_leaves(petition, 0, 6));
  const auto log = ledgers.node_source(petition);
  const std::string at_six = signed_checkpoint(key, 6, ledger::root_at(*log, 6));
  std::string field;

  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, {6, signed_checkpoint(key, 6, ledger::root_at(*log, 5)), "2019-03-19T10:00:00Z"}); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "signed_note") << "a root the stored log does not have";
  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, {5, at_six, "2019-03-19T10:00:00Z"}); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "tree_size") << "the note states another size";
  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, {7, signed_checkpoint(key, 7, ledger::root_at(*log, 6)), "2019-03-19T10:00:00Z"}); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "tree_size") << "beyond the log";
  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, {6, "not a note\n", "2019-03-19T10:00:00Z"}); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "signed_note");
  EXPECT_EQ(error_kind_of([&] { ledgers.add_checkpoint(petition, {6, at_six, "19 March 2019"}); }, &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "created_at");
  EXPECT_TRUE(ledgers.list_checkpoints(petition).empty());

  const std::string empty = signed_checkpoint(key, 0, ledger::empty_root());
  ledgers.add_checkpoint(petition, {0, empty, "2019-03-05T16:30:00Z"});
  EXPECT_EQ(ledgers.checkpoint_at(petition, 0)->signed_note, empty) << "the empty log's checkpoint is a checkpoint";
}

TEST_P(StoreContract, LedgerFindsTheLeafOfAReceiptNonce) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  const auto leaves = sample_leaves(petition, 0, 40);
  store->ledgers().append(petition, std::span(leaves).first(25));
  store->ledgers().append(petition, std::span(leaves).subspan(25));

  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(leaves[0])), 0U);
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(leaves[24])), 24U);
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(leaves[25])), 25U) << "the second batch's first leaf";
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(leaves[39])), 39U);
}

TEST_P(StoreContract, LedgerReceiptNotFound) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 3))), std::nullopt)
      << "an empty log";
  store->ledgers().append(petition, sample_leaves(petition, 0, 3));
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 3))), std::nullopt)
      << "a nonce never appended";

  // A leaf without a receipt (all-zero nonce) is not indexed: zeros find nothing.
  LedgerLeaf issued = decode_leaf(sample_leaf(petition, 3));
  issued.event = LeafEvent::postal_sheet_issued;
  issued.channel = SigningChannel::postal;
  issued.place_id = 0;
  issued.nonce = {};
  const std::vector<LeafBytes> without_receipt{encode_leaf(issued)};
  EXPECT_EQ(store->ledgers().append(petition, without_receipt), 3U);
  EXPECT_EQ(store->ledgers().find_receipt(petition, ReceiptNonce{}), std::nullopt);
}

TEST_P(StoreContract, LedgerReceiptsArePerPetition) {
  auto store = open();
  const std::int64_t first = add_ledger_petition(*store, peterborough);
  const std::int64_t second = add_ledger_petition(*store, brecon);
  store->ledgers().append(first, sample_leaves(first, 0, 5));
  // sample_leaf derives the nonce from n alone, so the second petition may hold the same nonces.
  store->ledgers().append(second, sample_leaves(second, 2, 2));

  EXPECT_EQ(store->ledgers().find_receipt(second, nonce_of(sample_leaf(first, 0))), std::nullopt)
      << "another petition's receipt";
  EXPECT_EQ(store->ledgers().find_receipt(second, nonce_of(sample_leaf(second, 3))), 1U);
  EXPECT_EQ(store->ledgers().find_receipt(first, nonce_of(sample_leaf(first, 3))), 3U);
}

TEST_P(StoreContract, LedgerRefusesADuplicateReceiptNonce) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  store->ledgers().append(petition, sample_leaves(petition, 0, 4));

  // Another event carrying leaf 2's nonce: a receipt must name one leaf only.
  LedgerLeaf again = decode_leaf(sample_leaf(petition, 2));
  again.elector_hash = decode_leaf(sample_leaf(petition, 9)).elector_hash;
  const std::vector<LeafBytes> batch{sample_leaf(petition, 4), encode_leaf(again)};
  std::string field;
  EXPECT_EQ(error_kind_of([&] { store->ledgers().append(petition, batch); }, &field), ErrorKind::conflict);
  EXPECT_EQ(field, "nonce");
  EXPECT_EQ(store->ledgers().size(petition), 4U) << "the refused batch kept none of its leaves";
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 4))), std::nullopt);
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 2))), 2U);

  const std::vector<LeafBytes> twice{sample_leaf(petition, 5), sample_leaf(petition, 5)};
  EXPECT_EQ(error_kind_of([&] { store->ledgers().append(petition, twice); }), ErrorKind::conflict)
      << "the same nonce twice in one batch";
  EXPECT_EQ(store->ledgers().size(petition), 4U);
}

TEST_P(StoreContract, LedgerRolledBackAppendLeavesNoReceipt) {
  auto store = open();
  const std::int64_t petition = add_ledger_petition(*store, peterborough);
  store->ledgers().append(petition, sample_leaves(petition, 0, 2));

  EXPECT_THROW(store->transaction([&] {
    store->ledgers().lock_for_append(petition);
    store->ledgers().append(petition, sample_leaves(petition, 2, 3));
    EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 3))), 3U)
        << "the transaction sees its own receipts";
    throw std::runtime_error("the signing sheet failed to save");
  }),
               std::runtime_error);

  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 3))), std::nullopt);
  EXPECT_EQ(store->ledgers().append(petition, sample_leaves(petition, 2, 3)), 2U)
      << "the same nonces can be appended again after the rollback";
  EXPECT_EQ(store->ledgers().find_receipt(petition, nonce_of(sample_leaf(petition, 4))), 4U);
}

TEST_P(StoreContract, LedgerPetitionKeysAreStableAndDistinct) {
  auto store = open();
  const std::int64_t first = add_ledger_petition(*store, peterborough);
  const std::int64_t second = add_ledger_petition(*store, brecon);

  const ElectorKey key = store->ledgers().petition_key(first);
  EXPECT_NE(key, ElectorKey{}) << "32 random octets";
  EXPECT_EQ(store->ledgers().petition_key(first), key);
  EXPECT_NE(store->ledgers().petition_key(second), key);
  EXPECT_EQ(error_kind_of([&] { (void)store->ledgers().petition_key(second + 1); }), ErrorKind::not_found);

  if (skip_unless_shared()) return;
  EXPECT_EQ(open()->ledgers().petition_key(first), key) << "the same key from another connection";
}

}  // namespace recall::contract
