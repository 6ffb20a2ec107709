#include "core/csv/csv_table.hpp"

#include <charconv>

#include <fmt/format.h>

namespace recall {

namespace {
bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}
}  // namespace

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<long long> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  long long value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

CsvTable::CsvTable(std::istream& in, std::string source_name, CsvLimits limits)
    : reader_(in, std::move(source_name), limits) {
  do {
    if (!reader_.next(row_)) throw_invalid("the file is empty: expected a header row", reader_.location(1, 1));
  } while (row_.blank());
  header_.reserve(row_.size());
  for (std::size_t i = 0; i < row_.size(); ++i) header_.emplace_back(trim_blanks(row_[i].text));
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  const auto wanted = trim_blanks(name);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (equal_ignoring_case(header_[i], wanted)) return i;
  }
  return std::nullopt;
}

std::size_t CsvTable::column(std::string_view name) const {
  if (auto found = find_column(name)) return *found;
  throw_invalid(fmt::format("missing column \"{}\" in the header", name),
                reader_.location(1, 1, std::string(name)));
}

bool CsvTable::next_row() {
  do {
    if (!reader_.next(row_)) return false;
  } while (row_.blank());
  if (row_.size() != header_.size()) {
    const bool too_many = row_.size() > header_.size();
    const auto& at = too_many ? row_[header_.size()] : row_[row_.size() - 1];
    throw_invalid(fmt::format("wrong number of fields: expected {} as in the header, found {}", header_.size(),
                              row_.size()),
                  reader_.location(at.line, too_many ? at.column : row_.end_column(),
                                   too_many ? std::string() : header_[row_.size()]));
  }
  return true;
}

std::string CsvTable::trimmed(std::size_t column) const { return std::string(trim_blanks(row_[column].text)); }

long long CsvTable::integer(std::size_t column) const {
  const auto text = trim_blanks(row_[column].text);
  if (auto value = parse_integer(text)) return *value;
  if (text.empty()) fail(column, "expected a whole number, found an empty field");
  fail(column, fmt::format("expected a whole number, found \"{}\"", text));
}

SourceLocation CsvTable::where(std::size_t column) const {
  const auto& field = row_[column];
  return reader_.location(field.line, field.column, header_[column]);
}

void CsvTable::fail(std::size_t column, const std::string& message) const { throw_invalid(message, where(column)); }

}  // namespace recall
