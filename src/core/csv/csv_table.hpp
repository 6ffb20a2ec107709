#pragma once
// A CSV file with a header row: columns are found by name, every row must have as many fields as
// the header, and values are read with errors that name the file, line, column and field.
// Blank lines are skipped.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv/csv_reader.hpp"

namespace recall {

class CsvTable {
 public:
  // Reads the header row; throws Error(invalid_input) if the input has none.
  CsvTable(std::istream& in, std::string source_name, CsvLimits limits = {});

  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] const std::string& source_name() const { return reader_.source_name(); }
  // Names compare trimmed and case-insensitively; the first of duplicate names wins.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;
  // As find_column, but a missing column is an Error pointing at the header line.
  [[nodiscard]] std::size_t column(std::string_view name) const;

  // Moves to the next row; false at the end. A row with the wrong number of fields is an Error.
  bool next_row();

  [[nodiscard]] int line() const { return row_.line(); }  // line the current row starts on
  [[nodiscard]] const std::string& text(std::size_t column) const { return row_[column].text; }
  [[nodiscard]] std::string trimmed(std::size_t column) const;  // spaces and tabs removed at both ends
  // A whole number (optionally signed); empty or anything else is an Error naming the field.
  [[nodiscard]] long long integer(std::size_t column) const;
  [[nodiscard]] SourceLocation where(std::size_t column) const;
  [[noreturn]] void fail(std::size_t column, const std::string& message) const;

  [[nodiscard]] std::uint64_t bytes_read() const { return reader_.bytes_read(); }

 private:
  CsvReader reader_;
  CsvRecord row_;
  std::vector<std::string> header_;
};

// Trims spaces and tabs from both ends.
std::string_view trim_blanks(std::string_view text);
// Parses a whole decimal number, all of `text`; nullopt if it is anything else or out of range.
std::optional<long long> parse_integer(std::string_view text);

}  // namespace recall
