#pragma once
// An RFC 4180 CSV reader that streams records from a std::istream, so a file of millions of rows is
// never held in memory. Each field keeps the line and column where it starts, so errors can point at
// the exact place in the file. Columns count characters (UTF-8 code points) from 1, like an editor.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/base/error.hpp"

namespace recall {

struct CsvField {
  std::string text;     // unquoted, with doubled quotes undone
  int line = 0;         // where the field starts (its opening quote, if quoted)
  int column = 0;
  bool quoted = false;
};

// One record. The reader reuses records (and their strings) between calls to avoid reallocating
// for every row of a large file.
class CsvRecord {
 public:
  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] const CsvField& operator[](std::size_t index) const { return fields_[index]; }
  [[nodiscard]] int line() const { return line_; }
  // A line with nothing on it: RFC 4180 calls it a record with one empty field; tables skip it.
  [[nodiscard]] bool blank() const { return count_ == 1 && !fields_[0].quoted && fields_[0].text.empty(); }
  [[nodiscard]] int end_column() const { return end_column_; }  // column just past the last character

 private:
  friend class CsvReader;
  std::vector<CsvField> fields_;
  std::size_t count_ = 0;
  int line_ = 0;
  int end_column_ = 0;
};

struct CsvLimits {
  std::size_t max_field_bytes = std::size_t{1} << 20;  // a field longer than this is an error
  std::size_t max_fields = 10000;                      // fields in one record
};

class CsvReader {
 public:
  CsvReader(std::istream& in, std::string source_name, CsvLimits limits = {});

  // Reads the next record into `record`; false at the end of the input. Throws Error(invalid_input)
  // with the location for an unterminated quote, text after a closing quote, a quote inside an
  // unquoted field, or a field or record beyond the limits.
  bool next(CsvRecord& record);

  [[nodiscard]] const std::string& source_name() const { return source_name_; }
  [[nodiscard]] std::uint64_t bytes_read() const { return bytes_read_; }  // consumed so far
  [[nodiscard]] SourceLocation location(int line, int column, std::string field = {}) const;

 private:
  int peek();
  int get();
  bool refill();
  CsvField& start_field(CsvRecord& record);
  void append(CsvField& field, int byte);
  void read_quoted(CsvField& field);
  void read_unquoted(CsvField& field);

  std::istream& in_;
  std::string source_name_;
  CsvLimits limits_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t bytes_read_ = 0;
  int line_ = 1;
  int column_ = 1;
  bool after_cr_ = false;
  bool started_ = false;
};

}  // namespace recall
