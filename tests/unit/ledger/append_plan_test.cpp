// nodes_to_append against a store that keeps nodes the way a database table would (keyed rows),
// checked against the in-memory log for every size.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/append_plan.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_builder.hpp"
#include "unit/ledger/ledger_test_support.hpp"

namespace recall::ledger {
namespace {

// Rows of (level, index) -> hash, written only through nodes_to_append.
class KeyedNodeTable final : public NodeSource {
 public:
  void write(const std::vector<StoredNode>& rows) {
    for (const StoredNode& row : rows) {
      const bool inserted = rows_.emplace(row.id, row.hash).second;
      if (!inserted) ADD_FAILURE() << "node (" << row.id.level << ", " << row.id.index << ") written twice";
      if (row.id.level == 0) ++size_;
    }
  }
  std::uint64_t size() const override { return size_; }
  Hash node(NodeId id) const override {
    const auto found = rows_.find(id);
    if (found == rows_.end()) throw Error(ErrorKind::not_found, fmt::format("no row ({}, {})", id.level, id.index));
    return found->second;
  }
  std::size_t row_count() const { return rows_.size(); }

 private:
  std::map<NodeId, Hash> rows_;
  std::uint64_t size_ = 0;
};

TEST(AppendPlan, BatchesOfAnySizeBuildTheSameTreeAsTheLog) {
  const auto leaves = testing::make_leaves(700, 5);
  MerkleLog log;
  std::vector<Hash> leaf_hashes;
  for (const auto& leaf : leaves) {
    log.append(leaf);
    leaf_hashes.push_back(leaf_hash(leaf));
  }
  KeyedNodeTable table;
  std::size_t done = 0;
  for (std::size_t batch = 1; done < leaf_hashes.size(); batch = batch * 3 % 17 + 1) {
    const std::size_t count = std::min(batch, leaf_hashes.size() - done);
    table.write(nodes_to_append(table, std::span(leaf_hashes).subspan(done, count)));
    done += count;
    ASSERT_EQ(table.size(), done);
    EXPECT_EQ(root_at(table, done), log.root_at(done)) << "size " << done;
  }
  // Exactly the complete subtrees: 700 leaves make 700 + 350 + 175 + 87 + 43 + 21 + 10 + 5 + 2 + 1 nodes.
  EXPECT_EQ(table.row_count(), 1394u);
  for (std::uint64_t size = 1; size <= log.size(); size += 7) {
    EXPECT_EQ(inclusion_proof(table, size - 1, size), log.inclusion_proof(size - 1, size));
    EXPECT_EQ(consistency_proof(table, size / 3, size), log.consistency_proof(size / 3, size));
  }
}

TEST(AppendPlan, ListsTheLeafThenTheSubtreesItCompletes) {
  MerkleLog log;
  for (const auto& leaf : testing::make_leaves(7, 6)) log.append(leaf);
  const Hash eighth = leaf_hash("eighth");
  const auto rows = nodes_to_append(log.nodes(), std::span(&eighth, 1));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (StoredNode{{0, 7}, eighth}));
  EXPECT_EQ(rows[1].id, (NodeId{1, 3}));
  EXPECT_EQ(rows[2].id, (NodeId{2, 1}));
  EXPECT_EQ(rows[3].id, (NodeId{3, 0}));
  log.append("eighth");
  EXPECT_EQ(rows[3].hash, log.root());
  EXPECT_TRUE(nodes_to_append(log.nodes(), {}).empty());
}

}  // namespace
}  // namespace recall::ledger
