#include "store/sql_value.hpp"

#include <charconv>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

const SqlValue& SqlRow::cell(std::size_t column) const {
  if (column >= cells_.size()) {
    throw Error(ErrorKind::internal, fmt::format("result column {} requested from a row of {}", column, cells_.size()));
  }
  return cells_[column];
}

bool SqlRow::is_null(std::size_t column) const { return std::holds_alternative<std::nullptr_t>(cell(column)); }

std::string SqlRow::text(std::size_t column) const {
  auto value = optional_text(column);
  if (!value) throw Error(ErrorKind::internal, fmt::format("result column {} is NULL where text was expected", column));
  return *value;
}

std::optional<std::string> SqlRow::optional_text(std::size_t column) const {
  const SqlValue& value = cell(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::nullopt;
}

std::int64_t SqlRow::integer(std::size_t column) const {
  const SqlValue& value = cell(column);
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  if (const auto* text = std::get_if<std::string>(&value)) {
    std::int64_t out = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, out);
    if (ec == std::errc() && ptr == end) return out;
    throw Error(ErrorKind::internal, fmt::format("result column {} holds '{}' where an integer was expected", column, *text));
  }
  throw Error(ErrorKind::internal, fmt::format("result column {} is NULL where an integer was expected", column));
}

}  // namespace recall
