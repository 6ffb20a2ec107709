// The log's storage contract: nodes are kept as leaves arrive, roots of every earlier size stay
// available, proofs read O(log n) nodes in one batch, and misuse is reported, not guessed at.
#include <gtest/gtest.h>

#include <bit>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "unit/ledger/ledger_test_support.hpp"

namespace recall::ledger {
namespace {

// Passes reads through to a real store and records how they were asked for.
class RecordingSource final : public NodeSource {
 public:
  explicit RecordingSource(const NodeSource& inner) : inner_(inner) {}
  std::uint64_t size() const override { return inner_.size(); }
  Hash node(NodeId id) const override {
    ++single_reads;
    return inner_.node(id);
  }
  std::vector<Hash> nodes(std::span<const NodeId> ids) const override {
    ++batches;
    batch_sizes.push_back(ids.size());
    return inner_.nodes(ids);
  }
  mutable int single_reads = 0;
  mutable int batches = 0;
  mutable std::vector<std::size_t> batch_sizes;

 private:
  const NodeSource& inner_;
};

ErrorKind kind_of(const auto& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  ADD_FAILURE() << "no recall::Error thrown";
  return ErrorKind::internal;
}

TEST(MerkleLog, EmptyLogHasTheEmptyRoot) {
  const MerkleLog log;
  EXPECT_EQ(log.size(), 0u);
  EXPECT_EQ(log.root(), empty_root());
  EXPECT_TRUE(log.consistency_proof(0, 0).empty());
}

TEST(MerkleLog, AppendReturnsConsecutiveIndices) {
  MerkleLog log;
  EXPECT_EQ(log.append("first"), 0u);
  EXPECT_EQ(log.append("second"), 1u);
  EXPECT_EQ(log.append_leaf_hash(leaf_hash("third")), 2u);
  EXPECT_EQ(log.leaf_hash_at(1), leaf_hash("second"));
  EXPECT_EQ(log.root(), node_hash(node_hash(leaf_hash("first"), leaf_hash("second")), leaf_hash("third")));
}

TEST(MerkleLog, StoresExactlyTheCompleteSubtrees) {
  MerkleLog log;
  const auto leaves = testing::make_leaves(13, 1);
  for (const auto& leaf : leaves) log.append(leaf);
  // 13 = 8 + 4 + 1: complete subtrees exist at level 3 (one), 2 (three), 1 (six), 0 (thirteen).
  EXPECT_EQ(log.nodes().node({3, 0}), log.root_at(8));
  EXPECT_EQ(log.nodes().node({2, 2}), node_hash(log.nodes().node({1, 4}), log.nodes().node({1, 5})));
  EXPECT_EQ(kind_of([&] { (void)log.nodes().node({2, 3}); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { (void)log.nodes().node({1, 6}); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { (void)log.nodes().node({4, 0}); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { (void)log.leaf_hash_at(13); }), ErrorKind::not_found);
}

TEST(MerkleLog, EarlierRootsDoNotChangeAsTheLogGrows) {
  MerkleLog log;
  std::vector<Hash> roots_when_current;
  for (const auto& leaf : testing::make_leaves(300, 2)) {
    roots_when_current.push_back(log.root());
    log.append(leaf);
  }
  std::vector<Hash> leaf_hashes;
  for (std::uint64_t i = 0; i < log.size(); ++i) leaf_hashes.push_back(log.leaf_hash_at(i));
  for (std::uint64_t size = 0; size < roots_when_current.size(); ++size) {
    EXPECT_EQ(log.root_at(size), roots_when_current[size]) << "size " << size;
    EXPECT_EQ(log.root_at(size), testing::reference_root(std::span(leaf_hashes).first(size))) << "size " << size;
  }
}

TEST(MerkleLog, MisuseIsReportedAsInvalidInput) {
  MerkleLog log;
  for (const auto& leaf : testing::make_leaves(10, 3)) log.append(leaf);
  EXPECT_EQ(kind_of([&] { (void)log.root_at(11); }), ErrorKind::invalid_input);
  EXPECT_EQ(kind_of([&] { (void)log.inclusion_proof(10, 10); }), ErrorKind::invalid_input);
  EXPECT_EQ(kind_of([&] { (void)log.inclusion_proof(3, 11); }), ErrorKind::invalid_input);
  EXPECT_EQ(kind_of([&] { (void)log.inclusion_proof(0, 0); }), ErrorKind::invalid_input);
  EXPECT_EQ(kind_of([&] { (void)log.consistency_proof(6, 5); }), ErrorKind::invalid_input);
  EXPECT_EQ(kind_of([&] { (void)log.consistency_proof(5, 11); }), ErrorKind::invalid_input);
  try {
    (void)log.inclusion_proof(12, 10);
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "leaf index 12 is not in a tree of size 10");
  }
}

TEST(ProofBuilder, ReadsLogarithmicallyManyNodesInOneBatch) {
  MerkleLog log;
  constexpr std::uint64_t size = 100'003;
  log.reserve(size);
  for (std::uint64_t i = 0; i < size; ++i) log.append_leaf_hash(leaf_hash(std::to_string(i)));
  const RecordingSource source(log.nodes());
  const std::size_t height = static_cast<std::size_t>(std::bit_width(size));  // 17

  const Hash root = root_at(source, size);
  EXPECT_EQ(root, log.root());
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> cases = {
      {0, size}, {size - 1, size}, {65'535, size}, {65'536, 99'999}, {4'242, 77'777}};
  for (const auto& [index, tree_size] : cases) {
    const auto proof = inclusion_proof(source, index, tree_size);
    EXPECT_TRUE(verify_inclusion(log.leaf_hash_at(index), index, tree_size, proof, log.root_at(tree_size)));
  }
  for (const auto& [old_size, new_size] : cases) {
    if (old_size == 0) continue;
    const auto proof = consistency_proof(source, old_size, new_size);
    EXPECT_TRUE(verify_consistency(old_size, new_size, log.root_at(old_size), log.root_at(new_size), proof));
  }
  EXPECT_EQ(source.single_reads, 0);
  EXPECT_EQ(source.batches, 1 + 2 * static_cast<int>(cases.size()) - 1);
  for (std::size_t batch : source.batch_sizes) EXPECT_LE(batch, 2 * height);
}

TEST(ProofBuilder, WorksOverAnyNodeSource) {
  // A second store filled from the first's leaf hashes answers identically: nothing depends on the log.
  MerkleLog log;
  for (const auto& leaf : testing::make_leaves(77, 4)) log.append(leaf);
  MemoryNodeStore copy;
  for (std::uint64_t i = 0; i < log.size(); ++i) copy.append(log.nodes().node({0, i}));
  for (std::uint64_t size = 1; size <= log.size(); ++size) {
    EXPECT_EQ(root_at(copy, size), log.root_at(size));
    EXPECT_EQ(inclusion_proof(copy, size / 3, size), log.inclusion_proof(size / 3, size));
    EXPECT_EQ(consistency_proof(copy, size / 2, size), log.consistency_proof(size / 2, size));
  }
}

}  // namespace
}  // namespace recall::ledger
