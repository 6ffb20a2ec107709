#pragma once
// Wall-clock timing for the store bench: per-call latencies summarised as median and p99, and the
// rate the calls ran at (calls over the loop's total time). Figures only; nothing here asserts a time.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace recall::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Microseconds per call, and calls per second over the whole loop.
struct Latency {
  double median = 0;
  double p99 = 0;
  double per_second = 0;
};

// Times `work` once per index.
inline Latency time_each(const std::vector<std::uint64_t>& indices, const std::function<void(std::uint64_t)>& work) {
  std::vector<double> micros;
  micros.reserve(indices.size());
  const auto loop_start = Clock::now();
  for (const std::uint64_t index : indices) {
    const auto start = Clock::now();
    work(index);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  const double loop_seconds = seconds_since(loop_start);
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
  return {at(0.5), at(0.99), static_cast<double>(indices.size()) / loop_seconds};
}

}  // namespace recall::bench
