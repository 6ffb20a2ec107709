#include "service/local_clock.hpp"

namespace recall {

std::int64_t unix_seconds_at(const LocalDateTime& local) {
  const std::int64_t as_if_utc =
      std::int64_t{local.date.time_since_epoch().count()} * 86'400 + local.minutes * 60;
  // BST is UTC+1: try that first so the repeated October hour resolves to its first instant.
  if (uk_local_time(as_if_utc - 3'600) == local) return as_if_utc - 3'600;
  return as_if_utc;
}

std::int64_t unix_seconds_at_noon(Date date) { return unix_seconds_at(LocalDateTime{date, 12 * 60}); }

}  // namespace recall
