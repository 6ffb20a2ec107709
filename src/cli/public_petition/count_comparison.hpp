#pragma once
// Counts of one petition from several sources (the store's GROUP BY, the signature rows one by one, a
// running server's memory), compared constituency by constituency: what `recall public-petition
// recount` prints.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/parliament/parliament.hpp"
#include "core/public_petition/count_aggregator.hpp"

namespace recall::cli {

struct CountSource {
  std::string label;  // "store GROUP BY"
  std::string key;    // for JSON: "group_by"
  std::vector<public_petition::ConstituencyCount> counts;  // "" unallocated; zeros may be left out
};

// A constituency ("" unallocated) where the sources disagree; one figure per source, in order.
struct CountDifference {
  std::string ons_code;
  std::vector<std::int64_t> signatures;
};

struct CountComparison {
  std::vector<std::int64_t> totals;  // per source
  std::vector<CountDifference> differences;  // by ONS code, unallocated first

  [[nodiscard]] bool drift() const { return !differences.empty(); }
};

CountComparison compare_counts(const std::vector<CountSource>& sources);

// The table: each source's total, then the constituencies that differ (or a line saying none do).
std::string format_comparison(const std::vector<CountSource>& sources, const CountComparison& comparison,
                              const Parliament& parliament);
nlohmann::ordered_json comparison_to_json(const std::vector<CountSource>& sources, const CountComparison& comparison,
                                          const Parliament& parliament);

}  // namespace recall::cli
