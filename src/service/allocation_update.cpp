#include "service/allocation_update.hpp"

namespace recall {

Allocation reallocate(const std::vector<std::string>& districts, const std::vector<std::int64_t>& old_places,
                      const std::vector<std::int64_t>& new_places, const Allocation& current) {
  const Allocation old_default =
      old_places.empty() ? Allocation{} : allocate_districts(districts, old_places);
  const Allocation new_default =
      new_places.empty() ? Allocation{} : allocate_districts(districts, new_places);
  Allocation result;
  for (const std::string& district : districts) {
    const auto now = current.find(district);
    const auto before = old_default.find(district);
    const bool moved_by_hand =
        now != current.end() && (before == old_default.end() || before->second != now->second);
    if (moved_by_hand) {
      result[district] = now->second;
    } else if (auto fresh = new_default.find(district); fresh != new_default.end()) {
      result[district] = fresh->second;
    }
  }
  return result;
}

}  // namespace recall
