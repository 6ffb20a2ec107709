#pragma once
// The register CSV format (docs/register-format.md): read one record at a time, so a 100,000-line
// file never sits in memory twice; every bad value is an Error naming file, line, column and field.
#include <array>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv/csv_table.hpp"
#include "core/register/register_entry.hpp"

namespace recall {

// Header names in the order the writer uses; the reader finds them by name in any order.
inline constexpr std::array<std::string_view, 16> register_columns{
    "elector_number", "change",   "cause",   "applied_on",    "effective_on", "surname",
    "forenames",      "address_1", "address_2", "address_3",  "postcode",     "date_of_birth",
    "markers",        "absent_vote", "proxy_name", "proxy_address"};

class RegisterReader {
 public:
  RegisterReader(std::istream& in, std::string source_name);

  // Reads the next record into `entry`; false at the end of the file.
  bool next(RegisterEntry& entry);
  [[nodiscard]] int line() const { return table_.line(); }
  [[nodiscard]] std::uint64_t bytes_read() const { return table_.bytes_read(); }

 private:
  void read_details(RegisterEntry& entry);
  void require_empty_details() const;

  CsvTable table_;
  std::array<std::size_t, register_columns.size()> col_{};
};

// The whole file at once, for tests and small registers.
std::vector<RegisterEntry> read_register(std::istream& in, const std::string& source_name);

void write_register_header(std::ostream& out);
void write_register_row(std::ostream& out, const RegisterEntry& entry);

}  // namespace recall
