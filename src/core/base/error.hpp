#pragma once
// One error type for the whole product. Each kind maps to one HTTP status and problem type in
// src/http/problem.cpp and to one CLI exit code in src/cli; a location says where bad input was.
#include <optional>
#include <stdexcept>
#include <string>

namespace recall {

enum class ErrorKind {
  invalid_input,  // the caller sent something malformed (400)
  not_found,      // no such thing (404)
  conflict,       // it exists already or the state forbids it (409)
  forbidden,      // the caller may not do this (403)
  unauthenticated,// the caller must log in (401)
  rate_limited,   // too many requests (429)
  unavailable,    // a dependency is down (503)
  internal,       // a bug or broken invariant (500)
};

// Where in an input file or request a problem was found. Lines and columns count from 1; 0 = unknown.
struct SourceLocation {
  std::string file;   // file name, or "query", "form", "body" for HTTP input
  int line = 0;
  int column = 0;
  std::string field;  // column name, form field or policy key

  [[nodiscard]] std::string describe() const;  // "data/x.csv:12:4 (field electorate)"
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, std::optional<SourceLocation> where = std::nullopt);

  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::optional<SourceLocation>& where() const noexcept { return where_; }

 private:
  ErrorKind kind_;
  std::string message_;
  std::optional<SourceLocation> where_;
};

[[noreturn]] void throw_invalid(std::string message, std::optional<SourceLocation> where = std::nullopt);
[[noreturn]] void throw_not_found(std::string message);

const char* to_string(ErrorKind kind) noexcept;

}  // namespace recall
