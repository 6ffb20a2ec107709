#pragma once
// One table from error kinds to process exit codes, so scripts can tell bad input from a missing thing
// from an unreachable database.
#include "core/base/error.hpp"

namespace recall::cli {

// `recall verify …` found a discrepancy: the input was read, and it does not hold.
inline constexpr int verification_failed_exit_code = 7;

constexpr int exit_code(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid_input: return 2;
    case ErrorKind::not_found: return 3;
    case ErrorKind::conflict: return 4;
    case ErrorKind::forbidden:
    case ErrorKind::unauthenticated: return 5;
    case ErrorKind::rate_limited:
    case ErrorKind::unavailable: return 6;
    case ErrorKind::internal: return 1;
  }
  return 1;
}

}  // namespace recall::cli
