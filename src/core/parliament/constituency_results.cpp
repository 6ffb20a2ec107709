// read_constituencies: the House of Commons Library results files for 2017 and 2019.
#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "core/csv/csv_table.hpp"
#include "core/parliament/reference_parts.hpp"

namespace recall {

namespace {

// The two files name the same things differently.
struct ResultColumns {
  const char* ons_code;
  const char* name;
  const char* county;
  const char* region;
  const char* country;
  const char* result;
  const char* first_party;
  const char* second_party;
  const char* electorate;
  const char* valid_votes;
  const char* invalid_votes;
  const char* majority;
  std::vector<const char*> party_votes;  // one column per party; the spelling maps to the code
  const char* other_votes;
  const char* other_winner_votes;  // the part of other_votes won by a winner of no listed party
};

const ResultColumns columns_2017{
    "id", "constituency_name", "county_name", "region_name", "country_name", "result", "first_party",
    "second_party", "electorate", "valid_votes", "invalid_votes", "majority",
    {"con", "lab", "ld", "ukip", "green", "snp", "pc", "dup", "sf", "sdlp", "uup", "alliance"}, "other",
    "other_winner"};

const ResultColumns columns_2019{
    "ONS ID", "Constituency name", "County name", "Region name", "Country name", "Result", "First party",
    "Second party", "Electorate", "Valid votes", "Invalid votes", "Majority",
    {"Con", "Lab", "LD", "BRX", "Green", "SNP", "PC", "DUP", "SF", "SDLP", "UUP", "APNI"},
    "All other candidates", "Of which other winner"};

bool valid_ons_code(std::string_view code) {
  if (code.size() != 9) return false;
  const auto prefix = code.substr(0, 3);
  if (prefix != "E14" && prefix != "W07" && prefix != "S14" && prefix != "N06") return false;
  return std::all_of(code.begin() + 3, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Nation nation_of_code(std::string_view code) {
  switch (code[0]) {
    case 'W': return Nation::wales;
    case 'S': return Nation::scotland;
    case 'N': return Nation::northern_ireland;
    default: return Nation::england;
  }
}

long count_field(const CsvTable& table, std::size_t column) {
  const auto value = table.integer(column);
  if (value < 0) table.fail(column, fmt::format("expected a count, found the negative number {}", value));
  if (value > 100'000'000) table.fail(column, fmt::format("{} is too large for a constituency count", value));
  return static_cast<long>(value);
}

struct ParsedRow {
  Constituency seat;       // identity fields only
  ElectionResult result;
  std::string member_name; // 2019 only
};

template <typename Each>
void read_results(const SourceFile& file, const ResultColumns& names, int year, Date held_on,
                  const PartySpellings& spellings, Each&& each) {
  std::istringstream in(file.text);
  CsvTable table(in, file.name);
  const auto ons = table.column(names.ons_code);
  const auto name = table.column(names.name);
  const auto county = table.column(names.county);
  const auto region = table.column(names.region);
  const auto country = table.column(names.country);
  const auto result = table.column(names.result);
  const auto first = table.column(names.first_party);
  const auto second = table.column(names.second_party);
  const auto electorate = table.column(names.electorate);
  const auto valid = table.column(names.valid_votes);
  const auto invalid = table.column(names.invalid_votes);
  const auto majority = table.column(names.majority);
  std::vector<std::pair<std::size_t, std::string>> vote_columns;
  for (const auto* column_name : names.party_votes) {
    const auto column = table.column(column_name);
    vote_columns.emplace_back(column, spellings.require(column_name, SourceLocation{file.name, 1, 1, column_name}));
  }
  const auto other = table.column(names.other_votes);
  const auto other_winner = table.column(names.other_winner_votes);

  while (table.next_row()) {
    ParsedRow row;
    auto& seat = row.seat;
    seat.ons_code = table.trimmed(ons);
    if (!valid_ons_code(seat.ons_code)) {
      table.fail(ons, fmt::format("\"{}\" is not a Westminster constituency code (E14, W07, S14 or N06 and six digits)",
                                  seat.ons_code));
    }
    seat.name = table.trimmed(name);
    if (seat.name.empty()) table.fail(name, "empty constituency name");
    seat.county = table.trimmed(county);
    seat.region = table.trimmed(region);
    if (seat.region.empty()) table.fail(region, "empty region");
    try {
      seat.nation = parse_nation(table.trimmed(country));
    } catch (const Error& error) {
      table.fail(country, error.message());
    }
    if (seat.nation != nation_of_code(seat.ons_code)) {
      table.fail(country, fmt::format("{} is not in {}: the code says {}", seat.ons_code, display_name(seat.nation),
                                      display_name(nation_of_code(seat.ons_code))));
    }
    auto& r = row.result;
    r.year = year;
    r.held_on = held_on;
    r.result = table.trimmed(result);
    if (r.result.empty()) table.fail(result, "empty result");
    r.first_party = spellings.require(table.trimmed(first), table.where(first));
    r.second_party = spellings.require(table.trimmed(second), table.where(second));
    r.electorate = count_field(table, electorate);
    r.valid_votes = count_field(table, valid);
    r.invalid_votes = count_field(table, invalid);
    r.majority = count_field(table, majority);
    std::map<std::string, long> votes;
    for (const auto& [column, code] : vote_columns) votes[code] += count_field(table, column);
    long other_count = count_field(table, other);
    const long winner_count = count_field(table, other_winner);
    if (winner_count > other_count) {
      table.fail(other_winner, fmt::format("{} votes for the winner exceed the {} for all other candidates",
                                           winner_count, other_count));
    }
    // A winner of no listed party (the Speaker, an independent) is counted within "other": give
    // those votes to the winner's party so the table shows who won.
    if (winner_count > 0 && !votes.contains(r.first_party)) {
      votes[r.first_party] += winner_count;
      other_count -= winner_count;
    }
    votes["other"] += other_count;
    long total = 0;
    for (const auto& [code, count] : votes) total += count;
    if (total != r.valid_votes) {
      table.fail(valid, fmt::format("the votes by party add up to {}, not to the {} valid votes", total, r.valid_votes));
    }
    for (const auto& [code, count] : votes) {
      if (count > 0) r.votes.push_back({code, count});
    }
    std::stable_sort(r.votes.begin(), r.votes.end(), [](const PartyVotes& a, const PartyVotes& b) {
      return a.votes != b.votes ? a.votes > b.votes : a.party < b.party;
    });
    if (r.valid_votes > r.electorate) {
      table.fail(valid, fmt::format("{} valid votes exceed the electorate of {}", r.valid_votes, r.electorate));
    }
    each(row, table);
  }
}

}  // namespace

std::vector<Constituency> read_constituencies(const SourceFile& results_2017, const SourceFile& results_2019,
                                              const PartySpellings& spellings) {
  std::vector<Constituency> seats;
  std::unordered_map<std::string, std::size_t> index;
  read_results(results_2017, columns_2017, 2017, general_election_2017, spellings,
               [&](ParsedRow& row, const CsvTable& table) {
                 if (index.contains(row.seat.ons_code)) {
                   table.fail(table.column(columns_2017.ons_code),
                              fmt::format("{} appears twice", row.seat.ons_code));
                 }
                 index.emplace(row.seat.ons_code, seats.size());
                 row.seat.results.push_back(std::move(row.result));
                 seats.push_back(std::move(row.seat));
               });
  std::vector<bool> seen(seats.size(), false);
  read_results(results_2019, columns_2019, 2019, general_election_2019, spellings,
               [&](ParsedRow& row, const CsvTable& table) {
                 const auto ons = table.column(columns_2019.ons_code);
                 const auto it = index.find(row.seat.ons_code);
                 if (it == index.end()) {
                   table.fail(ons, fmt::format("{} is not a constituency of {}", row.seat.ons_code, results_2017.name));
                 }
                 if (seen[it->second]) table.fail(ons, fmt::format("{} appears twice", row.seat.ons_code));
                 seen[it->second] = true;
                 seats[it->second].results.push_back(std::move(row.result));
               });
  for (std::size_t i = 0; i < seats.size(); ++i) {
    if (!seen[i]) {
      throw_invalid(fmt::format("no 2019 result for {} ({})", seats[i].ons_code, seats[i].name),
                    SourceLocation{results_2019.name, 0, 0, columns_2019.ons_code});
    }
  }
  return seats;
}

}  // namespace recall
