#include "core/base/error.hpp"

#include <fmt/format.h>

namespace recall {

namespace {
std::string full_message(const std::string& message, const std::optional<SourceLocation>& where) {
  if (!where) return message;
  return fmt::format("{}: {}", where->describe(), message);
}
}  // namespace

std::string SourceLocation::describe() const {
  std::string out = file.empty() ? std::string("input") : file;
  if (line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  if (!field.empty()) out += fmt::format(" (field {})", field);
  return out;
}

Error::Error(ErrorKind kind, std::string message, std::optional<SourceLocation> where)
    : std::runtime_error(full_message(message, where)),
      kind_(kind),
      message_(std::move(message)),
      where_(std::move(where)) {}

void throw_invalid(std::string message, std::optional<SourceLocation> where) {
  throw Error(ErrorKind::invalid_input, std::move(message), std::move(where));
}

void throw_not_found(std::string message) { throw Error(ErrorKind::not_found, std::move(message)); }

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid_input: return "invalid-input";
    case ErrorKind::not_found: return "not-found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::rate_limited: return "rate-limited";
    case ErrorKind::unavailable: return "unavailable";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

}  // namespace recall
