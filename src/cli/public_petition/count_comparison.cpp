#include "cli/public_petition/count_comparison.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

namespace recall::cli {

namespace {

std::string constituency_name(const std::string& ons_code, const Parliament& parliament) {
  if (ons_code.empty()) return "(no constituency)";  // a postcode not in the directory
  const Constituency* constituency = parliament.constituency(ons_code);
  return constituency ? constituency->name : "(not in the reference data)";
}

}  // namespace

CountComparison compare_counts(const std::vector<CountSource>& sources) {
  CountComparison comparison;
  std::map<std::string, std::vector<std::int64_t>> by_code;  // absent from a source: 0
  for (std::size_t i = 0; i < sources.size(); ++i) {
    std::int64_t total = 0;
    for (const auto& count : sources[i].counts) {
      auto& row = by_code[count.ons_code];
      row.resize(sources.size(), 0);
      row[i] += count.signatures;
      total += count.signatures;
    }
    comparison.totals.push_back(total);
  }
  for (auto& [code, signatures] : by_code) {
    signatures.resize(sources.size(), 0);
    if (std::adjacent_find(signatures.begin(), signatures.end(), std::not_equal_to<>()) != signatures.end()) {
      comparison.differences.push_back(CountDifference{code, signatures});
    }
  }
  return comparison;
}

std::string format_comparison(const std::vector<CountSource>& sources, const CountComparison& comparison,
                              const Parliament& parliament) {
  std::size_t label_width = 0;
  for (const auto& source : sources) label_width = std::max(label_width, source.label.size());
  std::string out = fmt::format("  {:<{}}  {:>10}\n", "counted signatures from", label_width, "total");
  for (std::size_t i = 0; i < sources.size(); ++i) {
    out += fmt::format("  {:<{}}  {:>10}\n", sources[i].label, label_width, comparison.totals[i]);
  }
  if (!comparison.drift()) {
    out += fmt::format("No differences: the {} sources agree in every constituency.\n", sources.size());
    return out;
  }
  out += fmt::format("Differences ({} constituenc{}):\n", comparison.differences.size(),
                     comparison.differences.size() == 1 ? "y" : "ies");
  std::string header = fmt::format("  {:<9}  {:<32}", "ons_code", "constituency");
  for (const auto& source : sources) header += fmt::format("  {:>{}}", source.key, std::max<std::size_t>(source.key.size(), 8));
  out += header + "\n";
  for (const auto& difference : comparison.differences) {
    std::string name = constituency_name(difference.ons_code, parliament);
    if (name.size() > 32) name = name.substr(0, 31) + "~";
    std::string line = fmt::format("  {:<9}  {:<32}", difference.ons_code.empty() ? "-" : difference.ons_code, name);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      line += fmt::format("  {:>{}}", difference.signatures[i], std::max<std::size_t>(sources[i].key.size(), 8));
    }
    out += line + "\n";
  }
  return out;
}

nlohmann::ordered_json comparison_to_json(const std::vector<CountSource>& sources, const CountComparison& comparison,
                                          const Parliament& parliament) {
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < sources.size(); ++i) totals[sources[i].key] = comparison.totals[i];
  auto differences = nlohmann::ordered_json::array();
  for (const auto& difference : comparison.differences) {
    nlohmann::ordered_json row;
    row["ons_code"] = difference.ons_code.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(difference.ons_code);
    row["name"] = constituency_name(difference.ons_code, parliament);
    for (std::size_t i = 0; i < sources.size(); ++i) row[sources[i].key] = difference.signatures[i];
    differences.push_back(std::move(row));
  }
  return {{"drift", comparison.drift()}, {"totals", std::move(totals)}, {"differences", std::move(differences)}};
}

}  // namespace recall::cli
