#pragma once
// Values passed to and read from SQL statements. SQLite binds them typed; PostgreSQL sends them as
// text and lets the server infer each parameter's type from the statement.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace recall {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

inline SqlValue sql_int(std::int64_t value) { return value; }
inline SqlValue sql_text(std::string value) { return value; }

using SqlParams = std::vector<SqlValue>;

// One row of a result; accessors convert and name the column in their errors.
class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}

  [[nodiscard]] std::size_t size() const { return cells_.size(); }
  [[nodiscard]] bool is_null(std::size_t column) const;
  [[nodiscard]] std::string text(std::size_t column) const;  // throws on NULL
  [[nodiscard]] std::optional<std::string> optional_text(std::size_t column) const;
  [[nodiscard]] std::int64_t integer(std::size_t column) const;  // throws on NULL or non-number

 private:
  const SqlValue& cell(std::size_t column) const;
  std::vector<SqlValue> cells_;
};

using SqlRows = std::vector<SqlRow>;

}  // namespace recall
