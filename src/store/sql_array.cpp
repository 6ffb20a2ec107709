#include "store/sql_array.hpp"

#include <type_traits>
#include <variant>

namespace recall {

std::string postgres_array_literal(std::span<const SqlValue> values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            out += "NULL";
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            out += std::to_string(value);
          } else {
            // Always quoted, so "NULL", "" and text with commas or braces stay text.
            out += '"';
            for (const char c : value) {
              if (c == '"' || c == '\\') out += '\\';
              out += c;
            }
            out += '"';
          }
        },
        values[i]);
  }
  out += '}';
  return out;
}

}  // namespace recall
