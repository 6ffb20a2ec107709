// libFuzzer target for the x-www-form-urlencoded body parser: any body ends in fields or a
// recall::Error naming "form" with a column inside the body, and the form parser agrees with the
// query parser on the same bytes. Links against recall_url only.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/base/error.hpp"
#include "http_url/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::optional<recall::http::Params> form;
  try {
    form = recall::http::parse_form(body);
  } catch (const recall::Error& error) {
    if (error.kind() != recall::ErrorKind::invalid_input || !error.where()) __builtin_trap();
    if (error.where()->file != "form") __builtin_trap();
    if (error.where()->column < 1 || static_cast<std::size_t>(error.where()->column) > size) __builtin_trap();
    // The query parser must fail on the same input.
    try {
      recall::http::parse_query(body);
    } catch (const recall::Error&) {
      return 0;
    }
    __builtin_trap();
  }
  const recall::http::Params query = recall::http::parse_query(body);
  if (query.items() != form->items()) __builtin_trap();
  for (const auto& [key, value] : form->items()) {
    // Every value the parser hands out is decoded: no '+' came through from the raw text unless it
    // was escaped, so a decoded value never holds more bytes than the raw body.
    if (key.size() + value.size() > size) __builtin_trap();
  }
  return 0;
}
