#include <gtest/gtest.h>

#include <vector>

#include "core/base/error.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "small_parliament.hpp"

namespace recall::public_petition {
namespace {

class CountAggregatorTest : public ::testing::Test {
 protected:
  Parliament parliament_ = testing::small_parliament();
  CountAggregator counts_{parliament_};
};

TEST_F(CountAggregatorTest, StartsAtZero) {
  const CountSnapshot snapshot = counts_.snapshot();
  EXPECT_EQ(snapshot.total, 0);
  EXPECT_TRUE(snapshot.by_constituency.empty());
  EXPECT_EQ(snapshot.nation(Nation::england), 0);
}

TEST_F(CountAggregatorTest, AppliesBatchesByConstituencyAndNation) {
  const std::vector<CountChange> batch{
      {"E14000978", 1}, {"E14000978", 1}, {"S14000051", 1}, {"W07000041", 1}, {"", 1}, {"E14000978", -1},
  };
  counts_.apply(batch);
  const CountSnapshot snapshot = counts_.snapshot();
  EXPECT_EQ(snapshot.total, 4);
  EXPECT_EQ(snapshot.unallocated, 1);
  EXPECT_EQ(snapshot.by_constituency,
            (std::vector<ConstituencyCount>{{"E14000978", 1}, {"S14000051", 1}, {"W07000041", 1}}));
  EXPECT_EQ(snapshot.nation(Nation::england), 1);
  EXPECT_EQ(snapshot.nation(Nation::scotland), 1);
  EXPECT_EQ(snapshot.nation(Nation::wales), 1);
  EXPECT_EQ(snapshot.nation(Nation::northern_ireland), 0);
  EXPECT_EQ(counts_.total(), 4);
}

TEST_F(CountAggregatorTest, EveryChangeMovesTheVersion) {
  const std::uint64_t before = counts_.version();
  counts_.apply(CountChange{"N06000001", 1});
  EXPECT_GT(counts_.version(), before);
  const std::uint64_t after_one = counts_.version();
  counts_.rebuild(std::vector<ConstituencyCount>{});
  EXPECT_GT(counts_.version(), after_one);
}

TEST_F(CountAggregatorTest, ABadChangeLeavesTheWholeBatchUnapplied) {
  counts_.apply(CountChange{"E14000978", 1});
  const std::uint64_t version = counts_.version();
  const std::vector<CountChange> below_zero{{"E14000978", 1}, {"S14000051", 1}, {"W07000041", -1}};
  try {
    counts_.apply(below_zero);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::internal);
    EXPECT_EQ(error.message(), "the count for W07000041 would fall below zero; recount the petition");
  }
  EXPECT_THROW(counts_.apply(std::vector<CountChange>{{"S14000051", 1}, {"E99999999", 1}}), Error);
  EXPECT_THROW(counts_.apply(CountChange{"S14000051", 2}), Error);
  EXPECT_THROW(counts_.apply(CountChange{"", -1}), Error);
  const CountSnapshot snapshot = counts_.snapshot();
  EXPECT_EQ(snapshot.total, 1);
  EXPECT_EQ(snapshot.by_constituency, (std::vector<ConstituencyCount>{{"E14000978", 1}}));
  EXPECT_EQ(snapshot.nation(Nation::scotland), 0);
  EXPECT_EQ(counts_.version(), version);
}

TEST_F(CountAggregatorTest, RebuildsFromTheStoresCounts) {
  counts_.apply(CountChange{"E14000978", 1});
  counts_.rebuild(std::vector<ConstituencyCount>{{"S14000051", 250'000}, {"N06000001", 12}, {"", 3}});
  const CountSnapshot snapshot = counts_.snapshot();
  EXPECT_EQ(snapshot.total, 250'015);
  EXPECT_EQ(snapshot.by_constituency,
            (std::vector<ConstituencyCount>{{"N06000001", 12}, {"S14000051", 250'000}}))
      << "sorted by ONS code; the earlier count replaced";
  EXPECT_EQ(snapshot.nation(Nation::scotland), 250'000);
  EXPECT_EQ(snapshot.nation(Nation::england), 0);
  EXPECT_EQ(snapshot.unallocated, 3);
  EXPECT_THROW(counts_.rebuild(std::vector<ConstituencyCount>{{"S14000051", -1}}), Error);
  EXPECT_THROW(counts_.rebuild(std::vector<ConstituencyCount>{{"X1", 1}}), Error);
  EXPECT_EQ(counts_.total(), 250'015) << "a refused rebuild changes nothing";
}

TEST_F(CountAggregatorTest, ApplyingThenUndoingMatchesARebuild) {
  // The invariant a recount checks: counters from changes equal counters from the store's totals.
  std::vector<CountChange> changes;
  const std::vector<std::string> codes{"E14000978", "S14000051", "W07000041", "N06000001", ""};
  for (int i = 0; i < 5000; ++i)
    changes.push_back(CountChange{codes[static_cast<std::size_t>(i * 7 % 5)], 1});
  for (int i = 0; i < 1000; ++i) changes.push_back(CountChange{codes[static_cast<std::size_t>(i % 5)], -1});
  counts_.apply(changes);
  CountAggregator rebuilt(parliament_);
  rebuilt.rebuild(std::vector<ConstituencyCount>{
      {"E14000978", 800}, {"S14000051", 800}, {"W07000041", 800}, {"N06000001", 800}, {"", 800}});
  EXPECT_EQ(counts_.snapshot().by_constituency, rebuilt.snapshot().by_constituency);
  EXPECT_EQ(counts_.snapshot().by_nation, rebuilt.snapshot().by_nation);
  EXPECT_EQ(counts_.total(), rebuilt.total());
}

}  // namespace
}  // namespace recall::public_petition
