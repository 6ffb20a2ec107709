// libFuzzer target for the CSV reader and the header-mapped table: any input must end in records
// or a recall::Error, never a crash, a hang or another exception. Links against recall_csv.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/base/error.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/csv/csv_table.hpp"

namespace {

// Small limits so that the limit paths are reached by small inputs too.
recall::CsvLimits fuzz_limits() {
  recall::CsvLimits limits;
  limits.max_field_bytes = 256;
  limits.max_fields = 64;
  return limits;
}

void read_records(const std::string& text) {
  std::istringstream in(text);
  recall::CsvReader reader(in, "fuzz.csv", fuzz_limits());
  recall::CsvRecord record;
  int previous_line = 0;
  while (reader.next(record)) {
    // Records come in order and each has at least one field with a sane position.
    if (record.size() == 0 || record.line() < previous_line || record[0].line < 1 || record[0].column < 1) __builtin_trap();
    previous_line = record.line();
  }
  if (reader.bytes_read() > text.size()) __builtin_trap();
}

void read_table(const std::string& text) {
  std::istringstream in(text);
  recall::CsvTable table(in, "fuzz.csv", fuzz_limits());
  const auto columns = table.header().size();
  while (table.next_row()) {
    for (std::size_t i = 0; i < columns; ++i) {
      (void)table.trimmed(i);
      try {
        (void)table.integer(i);
      } catch (const recall::Error& error) {
        if (!error.where() || error.where()->line < 1) __builtin_trap();
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    read_records(text);
  } catch (const recall::Error&) {
  }
  try {
    read_table(text);
  } catch (const recall::Error&) {
  }
  return 0;
}
