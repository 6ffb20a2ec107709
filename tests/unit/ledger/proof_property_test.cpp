// Properties over a few thousand pseudo-random leaves: every honest proof verifies and every
// tampered one fails, with proofs made by proof_builder and checked by the independent verifier.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "unit/ledger/ledger_test_support.hpp"

namespace recall::ledger {
namespace {

constexpr std::uint64_t leaf_count = 3000;

class ProofProperties : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    log_ = new MerkleLog();
    roots_ = new std::vector<Hash>();
    for (const auto& leaf : testing::make_leaves(leaf_count, 6962)) log_->append(leaf);
    for (std::uint64_t size = 0; size <= leaf_count; ++size) roots_->push_back(log_->root_at(size));
  }
  static void TearDownTestSuite() {
    delete log_;
    delete roots_;
  }

  // Small sizes exhaustively, both sides of every power of two, and a pseudo-random sample.
  static std::vector<std::uint64_t> sample_sizes() {
    std::set<std::uint64_t> sizes;
    for (std::uint64_t size = 1; size <= 70; ++size) sizes.insert(size);
    for (std::uint64_t power = 64; power <= leaf_count; power *= 2) {
      for (std::uint64_t size = power - 1; size <= std::min(power + 1, leaf_count); ++size) sizes.insert(size);
    }
    std::mt19937_64 random(9162);
    while (sizes.size() < 130) sizes.insert(1 + random() % leaf_count);
    sizes.insert(leaf_count);
    return {sizes.begin(), sizes.end()};
  }

  static const Hash& root(std::uint64_t size) { return roots_->at(size); }

  static MerkleLog* log_;
  static std::vector<Hash>* roots_;
};

MerkleLog* ProofProperties::log_ = nullptr;
std::vector<Hash>* ProofProperties::roots_ = nullptr;

Hash flipped(Hash hash, std::size_t byte) {
  hash[byte] ^= 0x01;
  return hash;
}

TEST_F(ProofProperties, RootsMatchTheReferenceDefinition) {
  std::vector<Hash> leaf_hashes;
  for (std::uint64_t i = 0; i < leaf_count; ++i) leaf_hashes.push_back(log_->leaf_hash_at(i));
  for (std::uint64_t size : sample_sizes()) {
    EXPECT_EQ(root(size), testing::reference_root(std::span(leaf_hashes).first(size))) << "size " << size;
  }
  EXPECT_EQ(root(0), empty_root());
}

TEST_F(ProofProperties, EveryHonestInclusionProofVerifies) {
  std::uint64_t checked = 0;
  std::uint64_t expected = 0;
  for (std::uint64_t size : sample_sizes()) {
    expected += size;
    for (std::uint64_t index = 0; index < size; ++index) {
      const auto proof = log_->inclusion_proof(index, size);
      ASSERT_TRUE(verify_inclusion(log_->leaf_hash_at(index), index, size, proof, root(size)))
          << "leaf " << index << " size " << size;
      ++checked;
    }
  }
  EXPECT_EQ(checked, expected);  // every leaf of every sampled size
  EXPECT_GT(checked, 50000u);
}

TEST_F(ProofProperties, EveryHonestConsistencyProofVerifies) {
  for (std::uint64_t new_size : sample_sizes()) {
    for (std::uint64_t old_size = 0; old_size <= new_size; ++old_size) {
      const auto proof = log_->consistency_proof(old_size, new_size);
      ASSERT_TRUE(verify_consistency(old_size, new_size, root(old_size), root(new_size), proof))
          << old_size << " -> " << new_size;
    }
  }
}

TEST_F(ProofProperties, EveryTamperedInclusionProofFails) {
  std::mt19937_64 random(2015);
  std::size_t tampered = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    const std::uint64_t size = 2 + random() % (leaf_count - 1);
    const std::uint64_t index = random() % size;
    const Hash leaf = log_->leaf_hash_at(index);
    const auto proof = log_->inclusion_proof(index, size);
    const Hash& good_root = root(size);
    const auto context = ::testing::Message() << "leaf " << index << " size " << size;
    ASSERT_TRUE(verify_inclusion(leaf, index, size, proof, good_root)) << context;

    EXPECT_FALSE(verify_inclusion(leaf, index + 1, size, proof, good_root)) << context << " index+1";
    if (index > 0) {
      EXPECT_FALSE(verify_inclusion(leaf, index - 1, size, proof, good_root)) << context << " index-1";
    }
    EXPECT_FALSE(verify_inclusion(leaf, index, size * 2, proof, good_root)) << context << " size*2";
    EXPECT_FALSE(verify_inclusion(leaf, index, size / 2, proof, good_root)) << context << " size/2";
    // Another size, against that size's own root.
    const std::uint64_t other_size = index + 1 + random() % (leaf_count - index);
    if (other_size != size) {
      EXPECT_FALSE(verify_inclusion(leaf, index, other_size, proof, root(other_size)))
          << context << " other size " << other_size;
    }
    EXPECT_FALSE(verify_inclusion(flipped(leaf, random() % hash_size), index, size, proof, good_root))
        << context << " leaf byte";
    EXPECT_FALSE(verify_inclusion(leaf, index, size, proof, flipped(good_root, random() % hash_size)))
        << context << " root byte";
    for (std::size_t i = 0; i < proof.size(); ++i) {
      auto bad = proof;
      bad[i] = flipped(bad[i], random() % hash_size);
      EXPECT_FALSE(verify_inclusion(leaf, index, size, bad, good_root)) << context << " proof byte in " << i;
    }
    if (!proof.empty()) {
      EXPECT_FALSE(verify_inclusion(leaf, index, size, std::span(proof).first(proof.size() - 1), good_root))
          << context << " truncated";
      auto longer = proof;
      longer.push_back(proof.back());
      EXPECT_FALSE(verify_inclusion(leaf, index, size, longer, good_root)) << context << " extended";
      auto prefixed = proof;
      prefixed.insert(prefixed.begin(), leaf);
      EXPECT_FALSE(verify_inclusion(leaf, index, size, prefixed, good_root)) << context << " extended at front";
    }
    for (std::size_t i = 0; i + 1 < proof.size(); ++i) {
      auto swapped = proof;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(verify_inclusion(leaf, index, size, swapped, good_root)) << context << " swapped " << i;
    }
    ++tampered;
  }
  EXPECT_EQ(tampered, 1500u);
}

TEST_F(ProofProperties, EveryTamperedConsistencyProofFails) {
  std::mt19937_64 random(1215);
  for (int trial = 0; trial < 1500; ++trial) {
    const std::uint64_t new_size = 2 + random() % (leaf_count - 1);
    const std::uint64_t old_size = 1 + random() % (new_size - 1);
    const auto proof = log_->consistency_proof(old_size, new_size);
    const Hash& old_root = root(old_size);
    const Hash& new_root = root(new_size);
    const auto context = ::testing::Message() << old_size << " -> " << new_size;
    ASSERT_FALSE(proof.empty()) << context;
    ASSERT_TRUE(verify_consistency(old_size, new_size, old_root, new_root, proof)) << context;

    EXPECT_FALSE(verify_consistency(old_size, new_size, new_root, old_root, proof)) << context << " roots swapped";
    EXPECT_FALSE(verify_consistency(old_size - 1, new_size, old_root, new_root, proof)) << context << " old-1";
    EXPECT_FALSE(verify_consistency(old_size + 1, new_size, old_root, new_root, proof)) << context << " old+1";
    EXPECT_FALSE(verify_consistency(old_size, new_size * 2, old_root, new_root, proof)) << context << " new*2";
    EXPECT_FALSE(verify_consistency(old_size, new_size / 2, old_root, new_root, proof)) << context << " new/2";
    // Other sizes, against their own roots.
    const std::uint64_t other_old = 1 + random() % (new_size - 1);
    if (other_old != old_size) {
      EXPECT_FALSE(verify_consistency(other_old, new_size, root(other_old), new_root, proof))
          << context << " other old size " << other_old;
    }
    const std::uint64_t other_new = old_size + 1 + random() % (leaf_count - old_size);
    if (other_new != new_size) {
      EXPECT_FALSE(verify_consistency(old_size, other_new, old_root, root(other_new), proof))
          << context << " other new size " << other_new;
    }
    EXPECT_FALSE(verify_consistency(old_size, new_size, flipped(old_root, random() % hash_size), new_root, proof))
        << context << " old root byte";
    EXPECT_FALSE(verify_consistency(old_size, new_size, old_root, flipped(new_root, random() % hash_size), proof))
        << context << " new root byte";
    for (std::size_t i = 0; i < proof.size(); ++i) {
      auto bad = proof;
      bad[i] = flipped(bad[i], random() % hash_size);
      EXPECT_FALSE(verify_consistency(old_size, new_size, old_root, new_root, bad)) << context << " byte in " << i;
    }
    EXPECT_FALSE(verify_consistency(old_size, new_size, old_root, new_root, std::span(proof).first(proof.size() - 1)))
        << context << " truncated";
    auto longer = proof;
    longer.push_back(proof.back());
    EXPECT_FALSE(verify_consistency(old_size, new_size, old_root, new_root, longer)) << context << " extended";
    for (std::size_t i = 0; i + 1 < proof.size(); ++i) {
      auto swapped = proof;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(verify_consistency(old_size, new_size, old_root, new_root, swapped)) << context << " swapped " << i;
    }
  }
}

TEST_F(ProofProperties, EdgeCasesOfConsistency) {
  const Hash& full = root(leaf_count);
  EXPECT_TRUE(verify_consistency(0, leaf_count, empty_root(), full, {}));
  EXPECT_FALSE(verify_consistency(0, leaf_count, full, full, {}));
  EXPECT_TRUE(verify_consistency(leaf_count, leaf_count, full, full, {}));
  EXPECT_FALSE(verify_consistency(leaf_count, leaf_count, full, root(leaf_count - 1), {}));
  const auto proof = log_->consistency_proof(leaf_count - 1, leaf_count);
  EXPECT_FALSE(verify_consistency(leaf_count, leaf_count, full, full, proof));  // equal sizes need no proof
  EXPECT_FALSE(verify_consistency(leaf_count, leaf_count - 1, full, root(leaf_count - 1), proof));
  EXPECT_TRUE(log_->consistency_proof(0, leaf_count).empty());
}

TEST_F(ProofProperties, InclusionIndexBeyondSizeFails) {
  const auto proof = log_->inclusion_proof(leaf_count - 1, leaf_count);
  EXPECT_FALSE(verify_inclusion(log_->leaf_hash_at(leaf_count - 1), leaf_count, leaf_count, proof, root(leaf_count)));
  EXPECT_FALSE(verify_inclusion(log_->leaf_hash_at(0), 0, 0, {}, empty_root()));
}

}  // namespace
}  // namespace recall::ledger
