#pragma once
// The pieces of load_reference_data, one per kind of source file. Internal to the loader, exposed
// so each piece can be tested alone.
#include <map>
#include <string>
#include <vector>

#include "core/parliament/model.hpp"
#include "core/parliament/parties.hpp"
#include "core/parliament/source_file.hpp"

namespace recall {

// The 2017 Parliament's fixed dates.
inline const Date general_election_2017 = make_date(2017, 6, 8);
inline const Date dissolution_2017 = make_date(2019, 11, 6);
inline const Date general_election_2019 = make_date(2019, 12, 12);

// Constituencies from the 2017 results, with the 2019 results added (both must list the same seats).
std::vector<Constituency> read_constituencies(const SourceFile& results_2017, const SourceFile& results_2019,
                                              const PartySpellings& spellings);

struct MemberSources {
  const SourceFile& candidates_2017;  // ge2017-candidates.json
  const SourceFile& winners_2017;     // ge2017-winners.csv: winners the candidates file cannot give
  const SourceFile& by_elections;     // by-elections-2017-parliament.csv
  const SourceFile& party_changes;    // party-changes-2017-parliament.csv
  const SourceFile& dissolution;      // party-at-dissolution-2019.csv
  const SourceFile& results_2019;     // hoc-ge2019-results-by-constituency.csv (member names)
};

std::vector<Member> read_members(const MemberSources& sources, const std::vector<Constituency>& constituencies,
                                 const PartySpellings& spellings);

std::vector<HexCell> read_hexes(const SourceFile& hexjson, const std::vector<Constituency>& constituencies);

// Normalised postcode -> ONS code, keeping only the given constituencies.
std::map<std::string, std::string> read_example_postcodes(const SourceFile& yaml,
                                                          const std::vector<Constituency>& constituencies);

// True when two spellings of a person's name agree on the first and last names ("Angela Smith" and
// "Angela Christine Smith"), ignoring case and accents.
bool same_person(std::string_view a, std::string_view b);

}  // namespace recall
