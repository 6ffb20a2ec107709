#pragma once
// From the constituency's wall-clock time back to a Unix instant: the simulation and the command line's
// --as-of rehearsals set the service's clock to a local time.
#include <cstdint>

#include "core/petition/local_time.hpp"

namespace recall {

// The Unix seconds at which UK civil time reads `local`. In the October hour that happens twice the
// first (BST) instant is given; a time in the skipped March hour is read as GMT.
std::int64_t unix_seconds_at(const LocalDateTime& local);

// Noon, local time, on `date`.
std::int64_t unix_seconds_at_noon(Date date);

}  // namespace recall
