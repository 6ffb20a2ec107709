#pragma once
// How much of the queue the intake's writer takes into its next group commit.
//
// Under a closed loop (a fixed set of clients, each waiting for its answer before it asks again),
// taking everything queued makes the writer and the I/O threads take turns: while a batch commits,
// every client is waiting inside it and the I/O threads idle; once it is answered, the writer idles
// until the requests come back. Taking about half of what is in play (the queue plus the batch just
// answered) splits the clients into two groups that overlap: one is written while the other is
// answered and asks again. Under an open surge the queue stays long and the share grows to all of
// it, so no commit is wasted. Measured in docs/performance.md: signing up about 5% on SQLite and 8%
// on PostgreSQL, with 64 clients.
#include <algorithm>
#include <cstddef>

namespace recall {

// Batches this small are never split: at light load a second commit would only add latency.
inline constexpr std::size_t unsplit_batch = 16;

// `queued`: requests waiting now; `previous`: the size of the batch just committed; `max_batch`: the
// configured bound on rows per commit. At least one request is taken while any is queued.
[[nodiscard]] constexpr std::size_t batch_share(std::size_t queued, std::size_t previous, std::size_t max_batch) {
  const std::size_t half_in_play = (queued + previous + 1) / 2;
  const std::size_t share = std::max(unsplit_batch, half_in_play);
  return std::min({queued, share, std::max<std::size_t>(1, max_batch)});
}

}  // namespace recall
