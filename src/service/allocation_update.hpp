#pragma once
// Re-running the default allocation when the set of signing places changes, without undoing the
// officer's own moves. Internal to src/service.
#include <cstdint>
#include <string>
#include <vector>

#include "core/petition/signing_place.hpp"

namespace recall {

// A district counts as moved by hand when its place in `current` differs from what the default
// allocation over `old_places` gave it; those keep their place, every other district gets the default
// over `new_places`.
Allocation reallocate(const std::vector<std::string>& districts, const std::vector<std::int64_t>& old_places,
                      const std::vector<std::int64_t>& new_places, const Allocation& current);

}  // namespace recall
