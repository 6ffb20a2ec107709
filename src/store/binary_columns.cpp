#include "store/binary_columns.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "core/ledger/encoding.hpp"
#include "store/sql_fields.hpp"

namespace recall {

BinaryColumns::BinaryColumns(std::string_view backend) : hex_(backend == "postgresql") {}

SqlValue BinaryColumns::value(ledger::ByteView octets) const {
  if (hex_) return "\\x" + ledger::to_hex(octets);
  return std::string(reinterpret_cast<const char*>(octets.data()), octets.size());
}

std::string BinaryColumns::param(int n) const {
  return hex_ ? fmt::format("${}", n) : fmt::format("CAST(${} AS BLOB)", n);
}

std::string BinaryColumns::column(std::string_view name) const {
  return hex_ ? fmt::format("encode({}, 'hex')", name) : std::string(name);
}

void BinaryColumns::read(const SqlRow& row, std::size_t column, std::span<std::uint8_t> out,
                         std::string_view what) const {
  const std::string cell = row.text(column);
  if (hex_) {
    if (cell.size() != out.size() * 2) {
      sql_fields::corrupt(what, fmt::format("{} hex digits where {} octets belong", cell.size(), out.size()));
    }
    const std::vector<std::uint8_t> octets = ledger::from_hex(cell);
    std::copy(octets.begin(), octets.end(), out.begin());
    return;
  }
  if (cell.size() != out.size()) {
    sql_fields::corrupt(what, fmt::format("{} octets where {} belong", cell.size(), out.size()));
  }
  std::copy(cell.begin(), cell.end(), out.begin());
}

std::vector<std::uint8_t> BinaryColumns::read_all(const SqlRow& row, std::size_t column) const {
  const std::string cell = row.text(column);
  if (hex_) return ledger::from_hex(cell);
  return {cell.begin(), cell.end()};
}

BinaryColumns::InsertText BinaryColumns::insert_with_binary_last(std::string_view table,
                                                                 std::span<const std::string_view> columns) const {
  const std::string listed = fmt::format("{}", fmt::join(columns, ", "));
  if (hex_) return {fmt::format("INSERT INTO {} ({}) VALUES ", table, listed), ""};
  // SQLite names the columns of a VALUES subquery column1, column2, …
  std::string select;
  for (std::size_t i = 1; i <= columns.size(); ++i) {
    if (i > 1) select += ", ";
    select += i == columns.size() ? fmt::format("CAST(column{} AS BLOB)", i) : fmt::format("column{}", i);
  }
  return {fmt::format("INSERT INTO {} ({}) SELECT {} FROM (VALUES ", table, listed, select), ")"};
}

}  // namespace recall
