#pragma once
// The time, injected: production passes system_seconds, tests pass a counter they move by hand, so no
// test sleeps.
#include <cstdint>
#include <functional>
#include <string>

namespace recall {

using Clock = std::function<std::int64_t()>;  // seconds since the Unix epoch, UTC

[[nodiscard]] std::int64_t system_seconds();

// "YYYY-MM-DDTHH:MM:SSZ", the form the audit log keeps.
[[nodiscard]] std::string format_utc_timestamp(std::int64_t seconds);

}  // namespace recall
