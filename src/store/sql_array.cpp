#include "store/sql_array.hpp"

#include <charconv>
#include <type_traits>
#include <variant>

namespace recall {

namespace {

// The literal's length before escapes: sized once, since a batch's column runs to tens of kilobytes
// and grew by doubling, one character at a time, on the PostgreSQL signing path.
std::size_t estimated_size(std::span<const SqlValue> values) {
  std::size_t size = 2 + values.size();  // braces and commas
  for (const SqlValue& value : values) {
    const auto* text = std::get_if<std::string>(&value);
    size += text != nullptr ? text->size() + 2 : 20;  // quoted text; NULL, or the longest int64
  }
  return size;
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  // Runs without a character to escape go in whole.
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t special = text.find_first_of("\"\\", start);
    const std::size_t end = special == std::string_view::npos ? text.size() : special;
    out.append(text, start, end - start);
    if (end == text.size()) break;
    out += '\\';
    out += text[end];
    start = end + 1;
  }
  out += '"';
}

}  // namespace

std::string postgres_array_literal(std::span<const SqlValue> values) {
  std::string out;
  out.reserve(estimated_size(values));
  out += '{';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            out += "NULL";
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            char digits[24];
            const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
            out.append(digits, written.ptr);
          } else {
            // Always quoted, so "NULL", "" and text with commas or braces stay text.
            append_quoted(out, value);
          }
        },
        values[i]);
  }
  out += '}';
  return out;
}

}  // namespace recall
