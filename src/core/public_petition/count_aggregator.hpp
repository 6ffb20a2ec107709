#pragma once
// A petition's counted signatures, in memory: the total, by constituency and by nation, as plain
// counters. The intake sequencer applies a batch of +1 (confirmed) and -1 (invalidated, or a
// confirmation undone) after the batch is durable; readers take a consistent snapshot for count.json.
// Nothing here is a database row, so a surge never queues on one (the e-petitions failure,
// DOMAIN.md section 4). At start, and after a recount finds drift, `rebuild` replaces every counter
// from the store's GROUP BY.
//
// Constituencies are the ones known to Parliament (650); a signature with no constituency (a postcode
// not in the directory) is counted in the total as `unallocated`. Thread-safe; one per petition.
#include <array>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/parliament/model.hpp"

namespace recall {
class Parliament;
}  // namespace recall

namespace recall::public_petition {

struct CountChange {
  std::string ons_code;  // empty: unallocated
  int delta = 1;         // +1 or -1
};

struct ConstituencyCount {
  std::string ons_code;  // empty: unallocated
  std::int64_t signatures = 0;

  bool operator==(const ConstituencyCount&) const = default;
};

struct CountSnapshot {
  std::int64_t total = 0;
  std::uint64_t version = 0;                       // rises with every change: an ETag
  std::vector<ConstituencyCount> by_constituency;  // those above zero, by ONS code
  std::array<std::int64_t, 4> by_nation{};         // indexed by Nation
  std::int64_t unallocated = 0;

  [[nodiscard]] std::int64_t nation(Nation which) const { return by_nation[static_cast<std::size_t>(which)]; }
};

class CountAggregator {
 public:
  explicit CountAggregator(const Parliament& parliament);

  // All or nothing: a change naming an unknown constituency, a delta other than ±1, or one that
  // would take a counter below zero throws Error(internal) (drift: run a recount) and changes nothing.
  void apply(std::span<const CountChange> changes);
  void apply(const CountChange& change) { apply(std::span(&change, 1)); }
  // Every counter from the store's counts; the same checks, all or nothing.
  void rebuild(std::span<const ConstituencyCount> counts);

  [[nodiscard]] CountSnapshot snapshot() const;
  [[nodiscard]] std::int64_t total() const;
  [[nodiscard]] std::uint64_t version() const;

 private:
  struct Counters {
    std::vector<std::int64_t> by_constituency;  // indexed like codes_
    std::array<std::int64_t, 4> by_nation{};
    std::int64_t unallocated = 0;
    std::int64_t total = 0;
  };
  [[nodiscard]] std::size_t index_of(std::string_view ons_code) const;  // codes_.size() for unallocated
  void add(Counters& counters, std::size_t index, std::int64_t delta) const;

  std::vector<std::string> codes_;  // sorted
  std::vector<Nation> nations_;     // indexed like codes_
  std::unordered_map<std::string, std::size_t> index_;
  mutable std::mutex mutex_;
  Counters counters_;
  std::uint64_t version_ = 0;
};

}  // namespace recall::public_petition
