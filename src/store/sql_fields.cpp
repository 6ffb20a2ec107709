#include "store/sql_fields.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::sql_fields {

SqlValue optional_int(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(nullptr);
}

SqlValue boolean(bool value) { return std::int64_t{value ? 1 : 0}; }

SqlValue optional_boolean(const std::optional<bool>& value) {
  return value ? boolean(*value) : SqlValue(nullptr);
}

SqlValue date(Date value) { return to_iso(value); }

SqlValue optional_date(const std::optional<Date>& value) { return value ? date(*value) : SqlValue(nullptr); }

SqlValue optional_text(const std::optional<std::string>& value) {
  return value ? SqlValue(*value) : SqlValue(nullptr);
}

SqlValue text_or_null(const std::string& value) {
  return value.empty() ? SqlValue(nullptr) : SqlValue(value);
}

std::optional<std::int64_t> read_optional_int(const SqlRow& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

bool read_boolean(const SqlRow& row, std::size_t column) { return row.integer(column) != 0; }

std::optional<bool> read_optional_boolean(const SqlRow& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return read_boolean(row, column);
}

Date read_date(const SqlRow& row, std::size_t column, std::string_view what) {
  const std::string text = row.text(column);
  const auto parsed = try_parse_iso_date(text);
  if (!parsed) corrupt(what, fmt::format("'{}' is not a date", text));
  return *parsed;
}

std::optional<Date> read_optional_date(const SqlRow& row, std::size_t column, std::string_view what) {
  if (row.is_null(column)) return std::nullopt;
  return read_date(row, column, what);
}

void corrupt(std::string_view what, std::string_view detail) {
  throw Error(ErrorKind::internal, fmt::format("{} in the database: {}", what, detail));
}

void require_utc_timestamp(const std::string& at, std::string_view file, std::string_view field) {
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
  bool ok = at.size() == shape.size();
  for (std::size_t i = 0; ok && i < shape.size(); ++i) {
    ok = shape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(at[i])) != 0 : at[i] == shape[i];
  }
  if (!ok) {
    throw_invalid(fmt::format("'{}' is not a UTC time YYYY-MM-DDTHH:MM:SSZ", at),
                  SourceLocation{std::string(file), 0, 0, std::string(field)});
  }
}

void require_text(const std::string& value, std::string_view file, std::string_view field) {
  if (value.empty()) {
    throw_invalid(fmt::format("{} must not be empty", field),
                  SourceLocation{std::string(file), 0, 0, std::string(field)});
  }
}

}  // namespace recall::sql_fields
