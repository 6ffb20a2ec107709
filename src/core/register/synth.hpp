#pragma once
// A realistic, deterministic register for demonstrations, tests and load runs: the same options give
// the same records, byte for byte, on every machine (the generator uses no std distributions, whose
// output differs between standard libraries).
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/register/register_entry.hpp"

namespace recall {

struct SynthOptions {
  std::string outward_code;  // postcode district the addresses sit in, e.g. "PE1"
  std::string town;          // last address line, e.g. "Peterborough"
  long eligible = 0;         // how many count_eligible must find at the close
  std::uint64_t seed = 0;
  Date notice_date;
  Date close_day;
};

// Records that make exactly `eligible` electors eligible for any cut-off day with
// notice_date + 1 day <= cut-off day < close_day - 1 day (the statutory timetable always leaves more),
// plus records that do not count: attainers still under 18 at the close, late applications, ordinary
// additions after the cut-off, deletions, and additions after the close. Throws Error(invalid_input)
// for a negative count, an outward code that cannot start a postcode, or dates too close together.
std::vector<RegisterEntry> synthesise_register(const SynthOptions& options);

}  // namespace recall
