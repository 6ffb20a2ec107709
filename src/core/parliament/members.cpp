// read_members: the MPs of the 2017 and 2019 Parliaments and the dated history of their parties.
#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/csv/csv_table.hpp"
#include "core/parliament/reference_parts.hpp"
#include "core/parliament/text_fold.hpp"

namespace recall {

namespace {

using SeatIndex = std::unordered_map<std::string, const Constituency*>;

SeatIndex index_seats(const std::vector<Constituency>& constituencies) {
  SeatIndex index;
  for (const auto& seat : constituencies) index.emplace(seat.ons_code, &seat);
  return index;
}

const ElectionResult& result_of(const Constituency& seat, int year) {
  for (const auto& result : seat.results) {
    if (result.year == year) return result;
  }
  throw Error(ErrorKind::internal, fmt::format("{} has no {} result", seat.ons_code, year));
}

const Constituency& require_seat(const SeatIndex& seats, const CsvTable& table, std::size_t column) {
  const auto code = table.trimmed(column);
  const auto it = seats.find(code);
  if (it == seats.end()) table.fail(column, fmt::format("\"{}\" is not one of the 650 constituencies", code));
  return *it->second;
}

void check_seat_name(const Constituency& seat, const CsvTable& table, std::size_t column) {
  if (fold_for_search(table.trimmed(column)) != fold_for_search(seat.name)) {
    table.fail(column, fmt::format("\"{}\" does not match {}, which is {}", table.trimmed(column), seat.ons_code,
                                   seat.name));
  }
}

Date require_date(const CsvTable& table, std::size_t column) {
  const auto text = table.trimmed(column);
  if (auto date = try_parse_iso_date(text)) return *date;
  table.fail(column, fmt::format("expected a date as YYYY-MM-DD, found \"{}\"", text));
}

Member new_member(std::string id, std::string name, const Constituency& seat, int parliament, Date elected_on,
                  std::string party) {
  Member member;
  member.id = std::move(id);
  member.name = std::move(name);
  member.constituency = seat.ons_code;
  member.parliament = parliament;
  member.elected_on = elected_on;
  member.elected_party = party;
  member.history.push_back(PartySpell{std::move(party), elected_on, std::nullopt, std::nullopt, {}});
  return member;
}

// The 2017 winner of each seat: the candidate whose party is the seat's first party, unless
// ge2017-winners.csv names the winner because the candidates file cannot.
std::vector<Member> winners_2017(const MemberSources& sources, const std::vector<Constituency>& seats,
                                          const SeatIndex& seat_index, const PartySpellings& spellings) {
  std::unordered_map<std::string, std::string> named;  // ONS code -> member
  {
    std::istringstream in(sources.winners_2017.text);
    CsvTable table(in, sources.winners_2017.name);
    const auto ons = table.column("constituency_ons");
    const auto constituency = table.column("constituency");
    const auto member = table.column("member");
    const auto party = table.column("party");
    while (table.next_row()) {
      const auto& seat = require_seat(seat_index, table, ons);
      check_seat_name(seat, table, constituency);
      const auto code = spellings.require(table.trimmed(party), table.where(party));
      if (code != result_of(seat, 2017).first_party) {
        table.fail(party, fmt::format("{} was won by {} in 2017, not {}", seat.name, result_of(seat, 2017).first_party,
                                      code));
      }
      if (table.trimmed(member).empty()) table.fail(member, "empty member name");
      if (!named.emplace(seat.ons_code, table.trimmed(member)).second) {
        table.fail(ons, fmt::format("{} appears twice", seat.ons_code));
      }
    }
  }

  const auto& file = sources.candidates_2017;
  nlohmann::json candidates;
  try {
    candidates = nlohmann::json::parse(file.text);
  } catch (const nlohmann::json::parse_error& error) {
    throw_invalid(fmt::format("not valid JSON: {}", error.what()), file.at(error.byte > 0 ? error.byte - 1 : 0));
  }
  if (!candidates.is_object()) throw_invalid("expected an object keyed by ONS code", file.at(0));

  std::vector<Member> members;
  for (const auto& seat : seats) {
    // Where the seat's entry starts, for errors only (finding it means a scan of the file).
    auto key_offset = [&] {
      const auto at = file.text.find(fmt::format("\"{}\"", seat.ons_code));
      return at == std::string::npos ? std::size_t{0} : at;
    };
    const auto& first_party = result_of(seat, 2017).first_party;
    std::vector<std::string> winners;
    if (auto it = candidates.find(seat.ons_code); it != candidates.end()) {
      if (!it->is_array()) throw_invalid("expected a list of candidates", file.at(key_offset(), seat.ons_code));
      for (const auto& candidate : *it) {
        const auto name = candidate.find("n");
        const auto party = candidate.find("p");
        if (!candidate.is_object() || name == candidate.end() || !name->is_string() || party == candidate.end() ||
            !party->is_string()) {
          throw_invalid("each candidate needs a name \"n\" and a party \"p\"", file.at(key_offset(), seat.ons_code));
        }
        const auto& spelling = party->get_ref<const std::string&>();
        auto known = spellings.find(spelling);
        if (!known) {  // the location is worked out only when needed: it means a scan of the file
          (void)spellings.require(spelling, file.find(fmt::format("\"p\":\"{}\"", spelling), key_offset(), "p"));
        }
        const auto& code = *known;
        if (code == first_party) winners.push_back(name->get<std::string>());
      }
    } else if (!named.contains(seat.ons_code)) {
      throw_invalid(fmt::format("no candidates for {} ({})", seat.ons_code, seat.name), file.at(0));
    }
    std::string winner;
    if (auto override_it = named.find(seat.ons_code); override_it != named.end()) {
      winner = override_it->second;
    } else if (winners.size() == 1) {
      winner = winners.front();
    } else {
      throw_invalid(fmt::format("{} ({}) was won by {} in 2017 but {} of its candidates stood for that party; "
                                "name the winner in ge2017-winners.csv",
                                seat.ons_code, seat.name, first_party, winners.size()),
                    file.at(key_offset(), "p"));
    }
    auto member = new_member(fmt::format("2017-{}", seat.ons_code), winner, seat, 2017, general_election_2017,
                             first_party);
    member.served_until = dissolution_2017;
    members.push_back(std::move(member));
  }
  return members;
}

// The member of a seat in the 2017 Parliament sitting on `date` (elected before it, serving to it).
Member* sitting_on(std::vector<Member>& members, const std::string& ons_code, Date date) {
  for (auto& member : members) {
    if (member.constituency == ons_code && member.elected_on < date && member.served_until &&
        date <= *member.served_until) {
      return &member;
    }
  }
  return nullptr;
}

void apply_by_elections(const SourceFile& file, std::vector<Member>& members, const SeatIndex& seat_index,
                        const PartySpellings& spellings) {
  std::istringstream in(file.text);
  CsvTable table(in, file.name);
  const auto date_column = table.column("date");
  const auto ons = table.column("constituency_ons");
  const auto constituency = table.column("constituency");
  const auto winner = table.column("winner");
  const auto party = table.column("party");
  const auto previous = table.column("previous_member");
  std::optional<Date> last;
  while (table.next_row()) {
    const auto date = require_date(table, date_column);
    if (last && date < *last) table.fail(date_column, "by-elections must be listed in date order");
    last = date;
    if (date <= general_election_2017 || date > dissolution_2017) {
      table.fail(date_column, fmt::format("{} is not within the 2017 Parliament", to_iso(date)));
    }
    const auto& seat = require_seat(seat_index, table, ons);
    check_seat_name(seat, table, constituency);
    auto* before = sitting_on(members, seat.ons_code, date);
    if (!before) table.fail(date_column, "no member held the seat before this by-election");
    if (!same_person(before->name, table.trimmed(previous))) {
      table.fail(previous, fmt::format("the member before was {}, not {}", before->name, table.trimmed(previous)));
    }
    if (table.trimmed(winner).empty()) table.fail(winner, "empty winner");
    before->served_until = date;
    auto member = new_member(fmt::format("2017-{}-{}", seat.ons_code, to_iso(date)), table.trimmed(winner), seat,
                             2017, date, spellings.require(table.trimmed(party), table.where(party)));
    member.served_until = dissolution_2017;
    members.push_back(std::move(member));
  }
}

void apply_party_changes(const SourceFile& file, std::vector<Member>& members, const SeatIndex& seat_index,
                         const PartySpellings& spellings) {
  std::istringstream in(file.text);
  CsvTable table(in, file.name);
  const auto date_column = table.column("date");
  const auto ons = table.column("constituency_ons");
  const auto constituency = table.column("constituency");
  const auto member_column = table.column("member");
  const auto from_column = table.column("from_party");
  const auto to_column = table.column("to_party");
  const auto note = table.column("note");
  while (table.next_row()) {
    const auto date = require_date(table, date_column);
    const auto& seat = require_seat(seat_index, table, ons);
    check_seat_name(seat, table, constituency);
    auto* member = sitting_on(members, seat.ons_code, date);
    if (!member) table.fail(date_column, fmt::format("nobody sat for {} on {}", seat.name, to_iso(date)));
    if (!same_person(member->name, table.trimmed(member_column))) {
      table.fail(member_column, fmt::format("{} sat for {} on {}, not {}", member->name, seat.name, to_iso(date),
                                            table.trimmed(member_column)));
    }
    const auto from = spellings.require(table.trimmed(from_column), table.where(from_column));
    const auto to = spellings.require(table.trimmed(to_column), table.where(to_column));
    auto& current = member->history.back();
    if (current.from && date < *current.from) {
      table.fail(date_column, fmt::format("changes for {} must be in date order", member->name));
    }
    if (from != current.party) {
      table.fail(from_column, fmt::format("{} sat for {} then, not {}", member->name, current.party, from));
    }
    if (to == from) table.fail(to_column, "the party is the same as before");
    current.to = date;
    member->history.push_back(PartySpell{to, date, std::nullopt, std::nullopt, table.trimmed(note)});
  }
}

void apply_dissolution(const SourceFile& file, std::vector<Member>& members, const SeatIndex& seat_index,
                       const PartySpellings& spellings) {
  std::istringstream in(file.text);
  CsvTable table(in, file.name);
  const auto ons = table.column("ccode");
  const auto party = table.column("dissolution17");
  std::unordered_map<std::string, bool> seen;
  while (table.next_row()) {
    const auto& seat = require_seat(seat_index, table, ons);
    if (seen[seat.ons_code]) table.fail(ons, fmt::format("{} appears twice", seat.ons_code));
    seen[seat.ons_code] = true;
    const auto spelling = table.trimmed(party);
    if (spelling.empty()) continue;  // the seat was vacant at dissolution
    const auto code = spellings.require(spelling, table.where(party));
    auto* member = sitting_on(members, seat.ons_code, dissolution_2017);
    if (!member) table.fail(ons, fmt::format("nobody sat for {} at dissolution", seat.name));
    if (member->current_party() == code) continue;
    member->history.push_back(PartySpell{code, std::nullopt, std::nullopt, dissolution_2017,
                                         "party at dissolution on 6 November 2019; date of the change not known"});
  }
  for (const auto& [code, seat] : seat_index) {
    if (!seen.contains(code)) {
      throw_invalid(fmt::format("no row for {} ({})", code, seat->name), SourceLocation{file.name, 0, 0, "ccode"});
    }
  }
}

std::vector<Member> winners_2019(const SourceFile& file, const SeatIndex& seat_index,
                                          const PartySpellings& spellings) {
  std::istringstream in(file.text);
  CsvTable table(in, file.name);
  const auto ons = table.column("ONS ID");
  const auto first_name = table.column("Member first name");
  const auto surname = table.column("Member surname");
  const auto party = table.column("First party");
  std::vector<Member> members;
  while (table.next_row()) {
    const auto& seat = require_seat(seat_index, table, ons);
    if (table.trimmed(surname).empty()) table.fail(surname, "empty member surname");
    auto name = table.trimmed(first_name);
    if (!name.empty()) name += ' ';
    name += table.trimmed(surname);
    members.push_back(new_member(fmt::format("2019-{}", seat.ons_code), std::move(name), seat, 2019,
                                 general_election_2019, spellings.require(table.trimmed(party), table.where(party))));
  }
  return members;
}

}  // namespace

bool same_person(std::string_view a, std::string_view b) {
  const auto fa = fold_for_search(a);
  const auto fb = fold_for_search(b);
  if (fa.empty() || fb.empty()) return false;
  auto first = [](const std::string& s) { return s.substr(0, s.find(' ')); };
  auto last = [](const std::string& s) { return s.substr(s.rfind(' ') + 1); };
  return first(fa) == first(fb) && last(fa) == last(fb);
}

std::vector<Member> read_members(const MemberSources& sources, const std::vector<Constituency>& constituencies,
                                 const PartySpellings& spellings) {
  const auto seats = index_seats(constituencies);
  auto members = winners_2017(sources, constituencies, seats, spellings);
  apply_by_elections(sources.by_elections, members, seats, spellings);
  apply_party_changes(sources.party_changes, members, seats, spellings);
  apply_dissolution(sources.dissolution, members, seats, spellings);
  for (auto& member : members) {
    // The last spell lasts until the member stopped serving.
    member.history.back().to = member.served_until;
  }
  auto members_2019 = winners_2019(sources.results_2019, seats, spellings);
  members.insert(members.end(), std::make_move_iterator(members_2019.begin()),
                 std::make_move_iterator(members_2019.end()));
  return members;
}

}  // namespace recall
