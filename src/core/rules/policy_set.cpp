#include "core/rules/policy_set.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

PolicySet::PolicySet(std::vector<Policy> policies) : policies_(std::move(policies)) {
  std::sort(policies_.begin(), policies_.end(), [](const Policy& a, const Policy& b) { return a.id < b.id; });
  for (std::size_t i = 1; i < policies_.size(); ++i) {
    if (policies_[i].id == policies_[i - 1].id) {
      throw Error(ErrorKind::conflict,
                  fmt::format("policy id '{}' is used twice ({} and {})", policies_[i].id, policies_[i - 1].file,
                              policies_[i].file),
                  SourceLocation{policies_[i].file, 0, 0, "id"});
    }
  }
}

PolicySet PolicySet::load_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw Error(ErrorKind::not_found, fmt::format("policy directory {} does not exist", directory.string()));
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Policy> policies;
  policies.reserve(files.size());
  for (const auto& file : files) policies.push_back(load_policy(file));
  return PolicySet(std::move(policies));
}

const Policy* PolicySet::find(std::string_view id) const {
  auto it = std::lower_bound(policies_.begin(), policies_.end(), id,
                             [](const Policy& policy, std::string_view key) { return policy.id < key; });
  if (it == policies_.end() || it->id != id) return nullptr;
  return &*it;
}

const Policy& PolicySet::get(std::string_view id) const {
  if (const auto* policy = find(id)) return *policy;
  std::string known;
  for (const auto& policy : policies_) known += (known.empty() ? "" : ", ") + policy.id;
  throw_not_found(fmt::format("no policy '{}' (known: {})", id, known.empty() ? "none" : known));
}

}  // namespace recall
