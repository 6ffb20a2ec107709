#pragma once
// Every policy in a directory, by id. Ids must be unique and must match their file names.
#include <filesystem>
#include <string_view>
#include <vector>

#include "core/rules/policy.hpp"

namespace recall {

class PolicySet {
 public:
  PolicySet() = default;
  explicit PolicySet(std::vector<Policy> policies);  // throws Error(conflict) on a duplicate id

  // Loads every *.yaml file in `directory` (not recursive), sorted by id.
  static PolicySet load_directory(const std::filesystem::path& directory);

  [[nodiscard]] const std::vector<Policy>& policies() const { return policies_; }
  [[nodiscard]] const Policy* find(std::string_view id) const;
  [[nodiscard]] const Policy& get(std::string_view id) const;  // throws Error(not_found)
  [[nodiscard]] bool empty() const { return policies_.empty(); }
  [[nodiscard]] std::size_t size() const { return policies_.size(); }

 private:
  std::vector<Policy> policies_;  // sorted by id
};

}  // namespace recall
