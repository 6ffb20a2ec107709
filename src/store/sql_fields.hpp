#pragma once
// Conversions between domain values and SQL cells shared by the petition, outbox and one-time-code
// stores: optional values <-> NULL, booleans <-> 0/1, dates <-> "YYYY-MM-DD", and the input checks
// that name the field at fault before the database's CHECKs would refuse it less helpfully.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/date.hpp"
#include "store/sql_value.hpp"

namespace recall::sql_fields {

SqlValue optional_int(const std::optional<std::int64_t>& value);
SqlValue boolean(bool value);
SqlValue optional_boolean(const std::optional<bool>& value);
SqlValue date(Date value);
SqlValue optional_date(const std::optional<Date>& value);
SqlValue optional_text(const std::optional<std::string>& value);
// "" is stored as NULL (the elector of a sheet void for uncertainty).
SqlValue text_or_null(const std::string& value);

std::optional<std::int64_t> read_optional_int(const SqlRow& row, std::size_t column);
bool read_boolean(const SqlRow& row, std::size_t column);
std::optional<bool> read_optional_boolean(const SqlRow& row, std::size_t column);
// Error(internal) naming `what` for a cell that is not an ISO date: the database was tampered with.
Date read_date(const SqlRow& row, std::size_t column, std::string_view what);
std::optional<Date> read_optional_date(const SqlRow& row, std::size_t column, std::string_view what);

// Error(internal) "<what> in the database: <detail>" for a stored value the domain cannot read.
[[noreturn]] void corrupt(std::string_view what, std::string_view detail);

// Error(invalid_input) with SourceLocation{file, field} unless `at` is "YYYY-MM-DDTHH:MM:SSZ".
void require_utc_timestamp(const std::string& at, std::string_view file, std::string_view field);
// Error(invalid_input) with SourceLocation{file, field} when `value` is empty.
void require_text(const std::string& value, std::string_view file, std::string_view field);

}  // namespace recall::sql_fields
