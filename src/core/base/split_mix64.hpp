#pragma once
// SplitMix64: a tiny, fully specified generator, so a seed means the same synthetic register and the
// same simulated petition on every machine and standard library (std::mt19937's distributions are not
// specified exactly). Shared by `register synth` and `petition simulate`.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace recall {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // A number in [0, n); the modulo bias is far below anything a register could show.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  long between(long low, long high) { return low + static_cast<long>(below(static_cast<std::size_t>(high - low + 1))); }
  bool per_mille(std::size_t chance) { return below(1000) < chance; }
  std::string_view pick(std::span<const std::string_view> list) { return list[below(list.size())]; }

 private:
  std::uint64_t state_;
};

}  // namespace recall
