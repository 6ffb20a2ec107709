#include "core/auth/session_policy.hpp"

namespace recall {

SessionTimes new_session_times(std::int64_t now, const SessionLimits& limits) noexcept {
  return {now, now, now + limits.absolute_seconds};
}

bool session_is_live(const SessionTimes& times, std::int64_t now, const SessionLimits& limits) noexcept {
  return now < times.expires_at && now < times.last_seen_at + limits.idle_seconds && now >= times.created_at;
}

}  // namespace recall
