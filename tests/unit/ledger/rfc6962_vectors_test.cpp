// The published RFC 6962 vectors: the log must agree with them, not with its own idea of a tree.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "core/ledger/encoding.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_verifier.hpp"

namespace recall::ledger {
namespace {

nlohmann::json load_vectors() {
  const std::string path = RECALL_GOLDEN_DIR "/ledger/rfc6962-vectors.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

std::vector<Hash> hashes_from(const nlohmann::json& array) {
  std::vector<Hash> out;
  for (const auto& item : array) out.push_back(hash_from_hex(item.get<std::string>()));
  return out;
}

class Rfc6962Vectors : public ::testing::Test {
 protected:
  void SetUp() override {
    vectors_ = load_vectors();
    for (const auto& input : vectors_.at("leaf_inputs")) log_.append(from_hex(input.get<std::string>()));
  }
  nlohmann::json vectors_;
  MerkleLog log_;
};

TEST_F(Rfc6962Vectors, HasEightLeaves) { EXPECT_EQ(log_.size(), 8u); }

TEST_F(Rfc6962Vectors, EmptyTreeIsHashOfNothing) {
  EXPECT_EQ(hash_to_hex(empty_root()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(Rfc6962Vectors, RootOfEverySize) {
  const auto roots = hashes_from(vectors_.at("root_hashes"));
  ASSERT_EQ(roots.size(), 9u);
  for (std::uint64_t size = 0; size < roots.size(); ++size) {
    EXPECT_EQ(hash_to_hex(log_.root_at(size)), hash_to_hex(roots[size])) << "size " << size;
  }
  EXPECT_EQ(log_.root(), roots.back());
}

TEST_F(Rfc6962Vectors, EveryCompleteSubtree) {
  const auto& levels = vectors_.at("node_hashes");
  ASSERT_EQ(levels.size(), 4u);
  for (std::uint32_t level = 0; level < levels.size(); ++level) {
    const auto expected = hashes_from(levels[level]);
    ASSERT_EQ(expected.size(), std::size_t{8} >> level);
    for (std::uint64_t index = 0; index < expected.size(); ++index) {
      EXPECT_EQ(log_.nodes().node({level, index}), expected[index]) << "level " << level << " index " << index;
    }
  }
}

TEST_F(Rfc6962Vectors, LeafHashesArePrefixedWithZero) {
  const auto level0 = hashes_from(vectors_.at("node_hashes")[0]);
  const auto& inputs = vectors_.at("leaf_inputs");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(leaf_hash(from_hex(inputs[i].get<std::string>())), level0[i]);
    EXPECT_EQ(log_.leaf_hash_at(i), level0[i]);
  }
}

TEST_F(Rfc6962Vectors, EveryInclusionProofIsGeneratedAndVerifies) {
  const auto roots = hashes_from(vectors_.at("root_hashes"));
  const auto& cases = vectors_.at("inclusion_proofs");
  ASSERT_EQ(cases.size(), 36u);  // every (index, size) for sizes 1..8
  for (const auto& c : cases) {
    const auto index = c.at("leaf_index").get<std::uint64_t>();
    const auto size = c.at("tree_size").get<std::uint64_t>();
    const auto expected = hashes_from(c.at("proof"));
    const auto generated = log_.inclusion_proof(index, size);
    EXPECT_EQ(generated, expected) << "leaf " << index << " size " << size;
    EXPECT_TRUE(verify_inclusion(log_.leaf_hash_at(index), index, size, expected, roots[size]))
        << "leaf " << index << " size " << size;
  }
}

TEST_F(Rfc6962Vectors, EveryConsistencyProofIsGeneratedAndVerifies) {
  const auto roots = hashes_from(vectors_.at("root_hashes"));
  const auto& cases = vectors_.at("consistency_proofs");
  ASSERT_EQ(cases.size(), 36u);  // every 1 <= first <= second <= 8
  for (const auto& c : cases) {
    const auto first = c.at("first").get<std::uint64_t>();
    const auto second = c.at("second").get<std::uint64_t>();
    const auto expected = hashes_from(c.at("proof"));
    const auto generated = log_.consistency_proof(first, second);
    EXPECT_EQ(generated, expected) << first << " -> " << second;
    EXPECT_TRUE(verify_consistency(first, second, roots[first], roots[second], expected))
        << first << " -> " << second;
  }
}

}  // namespace
}  // namespace recall::ledger
