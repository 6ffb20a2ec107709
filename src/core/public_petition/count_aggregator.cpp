#include "core/public_petition/count_aggregator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"

namespace recall::public_petition {

namespace {

[[noreturn]] void drift(std::string message) { throw Error(ErrorKind::internal, std::move(message)); }

}  // namespace

CountAggregator::CountAggregator(const Parliament& parliament) {
  std::vector<const Constituency*> known;
  for (const Constituency& constituency : parliament.data().constituencies) known.push_back(&constituency);
  std::sort(known.begin(), known.end(),
            [](const auto* a, const auto* b) { return a->ons_code < b->ons_code; });
  for (const Constituency* constituency : known) {
    index_.emplace(constituency->ons_code, codes_.size());
    codes_.push_back(constituency->ons_code);
    nations_.push_back(constituency->nation);
  }
  counters_.by_constituency.assign(codes_.size(), 0);
}

std::size_t CountAggregator::index_of(std::string_view ons_code) const {
  if (ons_code.empty()) return codes_.size();
  const auto found = index_.find(std::string(ons_code));
  if (found == index_.end())
    drift(fmt::format("a count names {}, which is not a known constituency", ons_code));
  return found->second;
}

void CountAggregator::add(Counters& counters, std::size_t index, std::int64_t delta) const {
  std::int64_t& place = index == codes_.size() ? counters.unallocated : counters.by_constituency[index];
  if (place + delta < 0) {
    drift(fmt::format("the count for {} would fall below zero; recount the petition",
                      index == codes_.size() ? std::string("unallocated signatures") : codes_[index]));
  }
  place += delta;
  if (index != codes_.size()) counters.by_nation[static_cast<std::size_t>(nations_[index])] += delta;
  counters.total += delta;
}

void CountAggregator::apply(std::span<const CountChange> changes) {
  std::lock_guard lock(mutex_);
  std::size_t applied = 0;
  try {
    for (; applied < changes.size(); ++applied) {
      const CountChange& change = changes[applied];
      if (change.delta != 1 && change.delta != -1) {
        drift(fmt::format("a count change of {} is not +1 or -1", change.delta));
      }
      add(counters_, index_of(change.ons_code), change.delta);
    }
  } catch (const Error&) {
    // Undo the part of the batch already applied, newest first, so the counters are as they were.
    while (applied > 0) {
      --applied;
      add(counters_, index_of(changes[applied].ons_code), -changes[applied].delta);
    }
    throw;
  }
  ++version_;
}

void CountAggregator::rebuild(std::span<const ConstituencyCount> counts) {
  std::lock_guard lock(mutex_);
  Counters next;
  next.by_constituency.assign(codes_.size(), 0);
  for (const ConstituencyCount& count : counts) {
    if (count.signatures < 0) drift(fmt::format("a stored count of {} is negative", count.signatures));
    add(next, index_of(count.ons_code), count.signatures);
  }
  counters_ = std::move(next);
  ++version_;
}

CountSnapshot CountAggregator::snapshot() const {
  std::lock_guard lock(mutex_);
  CountSnapshot out;
  out.total = counters_.total;
  out.version = version_;
  out.by_nation = counters_.by_nation;
  out.unallocated = counters_.unallocated;
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    if (counters_.by_constituency[i] > 0)
      out.by_constituency.push_back(ConstituencyCount{codes_[i], counters_.by_constituency[i]});
  }
  return out;
}

std::int64_t CountAggregator::total() const {
  std::lock_guard lock(mutex_);
  return counters_.total;
}

std::uint64_t CountAggregator::version() const {
  std::lock_guard lock(mutex_);
  return version_;
}

}  // namespace recall::public_petition
