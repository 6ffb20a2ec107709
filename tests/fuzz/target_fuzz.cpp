// libFuzzer target for the request-target parser (the first thing the server does with a request
// line): any input ends in a path and query or a recall::Error, never a crash or another exception.
// Links against recall_url only.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/base/error.hpp"
#include "http_url/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const recall::http::Target target = recall::http::parse_target(input);
    if (target.path.empty() || target.path.front() != '/') __builtin_trap();
    if (target.path.find('\0') != std::string_view::npos) __builtin_trap();
    if (target.raw_query.size() >= size) __builtin_trap();
  } catch (const recall::Error& error) {
    if (error.kind() != recall::ErrorKind::invalid_input) __builtin_trap();
  }
  return 0;
}
