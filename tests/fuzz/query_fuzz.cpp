// libFuzzer target for the query-string parser: any input ends in parameters or a recall::Error with
// a location inside the input, never a crash or another exception; and what it decodes survives a
// round trip through percent_encode. Links against recall_url only.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/error.hpp"
#include "http_url/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  recall::http::Params params;
  try {
    params = recall::http::parse_query(input);
  } catch (const recall::Error& error) {
    // The error must point into the query it was given.
    if (error.kind() != recall::ErrorKind::invalid_input || !error.where()) __builtin_trap();
    if (error.where()->column < 1 || static_cast<std::size_t>(error.where()->column) > size) __builtin_trap();
    return 0;
  }
  std::string encoded;
  for (const auto& [key, value] : params.items()) {
    if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos) __builtin_trap();
    if (!encoded.empty()) encoded += '&';
    encoded += recall::http::percent_encode(key) + '=' + recall::http::percent_encode(value);
  }
  const recall::http::Params again = recall::http::parse_query(encoded);
  // Re-encoding gives back exactly the same pairs (a bare "=" re-encodes as "=" too).
  if (again.items() != params.items()) __builtin_trap();
  return 0;
}
