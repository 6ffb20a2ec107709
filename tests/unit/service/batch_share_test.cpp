// The intake writer's share of the queue (service/batch_share.hpp): light load whole, a closed loop
// of clients split into two groups that overlap, an open surge taken whole, max_batch a hard bound.
#include "service/batch_share.hpp"

#include <gtest/gtest.h>

#include <cstddef>

namespace recall {
namespace {

TEST(BatchShare, TakesALightLoadWhole) {
  EXPECT_EQ(batch_share(0, 0, 2000), 0u);
  EXPECT_EQ(batch_share(1, 0, 2000), 1u);
  EXPECT_EQ(batch_share(unsplit_batch, 0, 2000), unsplit_batch);
  EXPECT_EQ(batch_share(10, 30, 2000), 10u);
}

TEST(BatchShare, NeverTakesMoreThanMaxBatchButAlwaysOne) {
  EXPECT_EQ(batch_share(5000, 5000, 2000), 2000u);
  EXPECT_EQ(batch_share(10, 0, 0), 1u) << "a max_batch of 0 still moves the queue";
  EXPECT_EQ(batch_share(10, 0, 3), 3u);
}

// Clients that each wait for their answer: the ones in the batch being written ask again only once
// it commits, so they are queued for the batch after the next.
std::size_t settled_batch(std::size_t clients) {
  std::size_t queued = clients;
  std::size_t writing = 0;
  std::size_t taken = 0;
  for (int commit = 0; commit < 50; ++commit) {
    taken = batch_share(queued, writing, 2000);
    queued -= taken;
    queued += writing;  // the batch just committed is answered and asks again
    writing = taken;
  }
  return taken;
}

TEST(BatchShare, SplitsAClosedLoopInTwoGroups) {
  EXPECT_EQ(settled_batch(64), 32u);
  EXPECT_EQ(settled_batch(256), 128u);
  EXPECT_EQ(settled_batch(1000), 500u);
}

TEST(BatchShare, TakesAnOpenSurgeWhole) {
  // New requests arrive whatever the answers: the queue never runs dry, so within a few commits
  // each batch is all that arrived meanwhile and nothing waits a commit longer than it must.
  constexpr std::size_t arriving = 900;
  std::size_t queued = arriving;
  std::size_t previous = 0;
  for (int commit = 0; commit < 20; ++commit) {
    previous = batch_share(queued, previous, 2000);
    queued -= previous;
    queued += arriving;
  }
  EXPECT_EQ(previous, arriving);
  EXPECT_EQ(queued, arriving) << "only what arrived during the last commit is left";
}

}  // namespace
}  // namespace recall
