#pragma once
// When a session stops working. Times are seconds since the Unix epoch (UTC) so the store can compare
// them with plain integers on both backends.
#include <cstdint>

namespace recall {

struct SessionLimits {
  // Staff step away from a shared signing-place laptop; 30 minutes idle ends the session.
  std::int64_t idle_seconds = 30 * 60;
  // Nobody stays signed in longer than a long working day, whatever they do.
  std::int64_t absolute_seconds = 12 * 60 * 60;
};

struct SessionTimes {
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;  // created_at + absolute_seconds, fixed at sign-in
};

[[nodiscard]] SessionTimes new_session_times(std::int64_t now, const SessionLimits& limits) noexcept;

// Live while neither the idle nor the absolute limit has passed.
[[nodiscard]] bool session_is_live(const SessionTimes& times, std::int64_t now,
                                   const SessionLimits& limits) noexcept;

}  // namespace recall
