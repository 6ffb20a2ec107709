#include "store/sql_reference_store.hpp"

#include <map>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"
#include "store/batch_insert.hpp"

namespace recall {

namespace {

constexpr std::string_view digest_key = "source_digest";

// The stored spelling of a nation is fixed by the schema's CHECK constraint, so it is defined here
// rather than borrowed from display code that may change.
std::string nation_column(Nation nation) {
  switch (nation) {
    case Nation::england: return "england";
    case Nation::scotland: return "scotland";
    case Nation::wales: return "wales";
    case Nation::northern_ireland: return "northern-ireland";
  }
  throw Error(ErrorKind::internal, "unknown nation");
}

Nation nation_from_column(const std::string& text, const std::string& ons_code) {
  if (text == "england") return Nation::england;
  if (text == "scotland") return Nation::scotland;
  if (text == "wales") return Nation::wales;
  if (text == "northern-ireland") return Nation::northern_ireland;
  throw Error(ErrorKind::internal, fmt::format("constituency {} has unknown nation '{}' in the database", ons_code, text));
}

SqlValue date_value(const std::optional<Date>& date) { return date ? SqlValue(to_iso(*date)) : SqlValue(nullptr); }

std::optional<Date> date_column(const SqlRow& row, std::size_t column, std::string_view field) {
  auto text = row.optional_text(column);
  if (!text) return std::nullopt;
  return parse_iso_date(*text, field);
}

std::optional<std::string> read_digest(SqlConnection& db) {
  auto rows = db.query("SELECT value FROM reference_meta WHERE name = $1", {sql_text(std::string(digest_key))});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

void clear_reference_tables(SqlConnection& db) {
  // Children first, so the foreign keys never see an orphan.
  for (const char* sql : {"DELETE FROM result_votes", "DELETE FROM election_results", "DELETE FROM constituencies",
                          "DELETE FROM party_spells", "DELETE FROM members", "DELETE FROM parties", "DELETE FROM hexes",
                          "DELETE FROM reference_postcodes"}) {
    db.execute(sql);
  }
}

void save_parties(SqlConnection& db, const std::vector<Party>& parties) {
  insert_rows(db, {"INSERT INTO parties (code, ordinal, name, colour, text_colour) VALUES ", 5, ""}, parties.size(),
              [&](std::size_t i, SqlParams& out) {
                const Party& party = parties[i];
                out.insert(out.end(), {sql_text(party.code), sql_int(static_cast<std::int64_t>(i)), sql_text(party.name),
                                       sql_text(party.colour), sql_text(party.text_colour)});
              });
}

void save_constituencies(SqlConnection& db, const std::vector<Constituency>& constituencies) {
  insert_rows(db, {"INSERT INTO constituencies (ons_code, ordinal, name, nation, region, county) VALUES ", 6, ""},
              constituencies.size(), [&](std::size_t i, SqlParams& out) {
                const Constituency& c = constituencies[i];
                out.insert(out.end(), {sql_text(c.ons_code), sql_int(static_cast<std::int64_t>(i)), sql_text(c.name),
                                       sql_text(nation_column(c.nation)), sql_text(c.region), sql_text(c.county)});
              });

  struct ResultRef {
    const Constituency* constituency;
    std::size_t ordinal;
  };
  struct VoteRef {
    const Constituency* constituency;
    const ElectionResult* result;
    std::size_t ordinal;
  };
  std::vector<ResultRef> results;
  std::vector<VoteRef> votes;
  for (const Constituency& c : constituencies) {
    for (std::size_t r = 0; r < c.results.size(); ++r) {
      results.push_back({&c, r});
      for (std::size_t v = 0; v < c.results[r].votes.size(); ++v) votes.push_back({&c, &c.results[r], v});
    }
  }
  insert_rows(db,
              {"INSERT INTO election_results (ons_code, year, ordinal, held_on, result, first_party, second_party, "
               "electorate, valid_votes, invalid_votes, majority) VALUES ",
               11, ""},
              results.size(), [&](std::size_t i, SqlParams& out) {
                const ElectionResult& e = results[i].constituency->results[results[i].ordinal];
                out.insert(out.end(), {sql_text(results[i].constituency->ons_code), sql_int(e.year),
                                       sql_int(static_cast<std::int64_t>(results[i].ordinal)), sql_text(to_iso(e.held_on)),
                                       sql_text(e.result), sql_text(e.first_party), sql_text(e.second_party),
                                       sql_int(e.electorate), sql_int(e.valid_votes), sql_int(e.invalid_votes),
                                       sql_int(e.majority)});
              });
  insert_rows(db, {"INSERT INTO result_votes (ons_code, year, ordinal, party, votes) VALUES ", 5, ""}, votes.size(),
              [&](std::size_t i, SqlParams& out) {
                const PartyVotes& pv = votes[i].result->votes[votes[i].ordinal];
                out.insert(out.end(), {sql_text(votes[i].constituency->ons_code), sql_int(votes[i].result->year),
                                       sql_int(static_cast<std::int64_t>(votes[i].ordinal)), sql_text(pv.party),
                                       sql_int(pv.votes)});
              });
}

void save_members(SqlConnection& db, const std::vector<Member>& members) {
  insert_rows(db,
              {"INSERT INTO members (id, ordinal, name, constituency, parliament, elected_on, served_until, elected_party) "
               "VALUES ",
               8, ""},
              members.size(), [&](std::size_t i, SqlParams& out) {
                const Member& m = members[i];
                out.insert(out.end(), {sql_text(m.id), sql_int(static_cast<std::int64_t>(i)), sql_text(m.name),
                                       sql_text(m.constituency), sql_int(m.parliament), sql_text(to_iso(m.elected_on)),
                                       date_value(m.served_until), sql_text(m.elected_party)});
              });

  std::vector<std::pair<const Member*, std::size_t>> spells;
  for (const Member& m : members) {
    for (std::size_t s = 0; s < m.history.size(); ++s) spells.emplace_back(&m, s);
  }
  insert_rows(db,
              {"INSERT INTO party_spells (member_id, ordinal, party, from_date, to_date, from_known_by, note) VALUES ", 7,
               ""},
              spells.size(), [&](std::size_t i, SqlParams& out) {
                const PartySpell& s = spells[i].first->history[spells[i].second];
                out.insert(out.end(), {sql_text(spells[i].first->id), sql_int(static_cast<std::int64_t>(spells[i].second)),
                                       sql_text(s.party), date_value(s.from), date_value(s.to),
                                       date_value(s.from_known_by), sql_text(s.note)});
              });
}

void save_hexes(SqlConnection& db, const std::vector<HexCell>& hexes) {
  insert_rows(db, {"INSERT INTO hexes (ons_code, ordinal, q, r, region) VALUES ", 5, ""}, hexes.size(),
              [&](std::size_t i, SqlParams& out) {
                const HexCell& h = hexes[i];
                out.insert(out.end(), {sql_text(h.ons_code), sql_int(static_cast<std::int64_t>(i)), sql_int(h.q),
                                       sql_int(h.r), sql_text(h.region)});
              });
}

void save_example_postcodes(SqlConnection& db, const std::map<std::string, std::string>& postcodes) {
  std::vector<std::pair<std::string, std::string>> rows(postcodes.begin(), postcodes.end());
  insert_rows(db, {"INSERT INTO reference_postcodes (postcode, ons_code) VALUES ", 2, ""}, rows.size(),
              [&](std::size_t i, SqlParams& out) { out.insert(out.end(), {sql_text(rows[i].first), sql_text(rows[i].second)}); });
  // Also in the directory, so find_postcode answers for them before any full import.
  insert_rows(db,
              {"INSERT INTO postcodes (postcode, ons_code) VALUES ", 2,
               " ON CONFLICT (postcode) DO UPDATE SET ons_code = excluded.ons_code"},
              rows.size(),
              [&](std::size_t i, SqlParams& out) { out.insert(out.end(), {sql_text(rows[i].first), sql_text(rows[i].second)}); });
}

void load_constituencies(SqlConnection& db, ReferenceData& data) {
  std::map<std::string, std::size_t> by_code;
  for (const SqlRow& row : db.query("SELECT ons_code, name, nation, region, county FROM constituencies ORDER BY ordinal", {})) {
    Constituency c;
    c.ons_code = row.text(0);
    c.name = row.text(1);
    c.nation = nation_from_column(row.text(2), c.ons_code);
    c.region = row.text(3);
    c.county = row.text(4);
    by_code[c.ons_code] = data.constituencies.size();
    data.constituencies.push_back(std::move(c));
  }

  std::map<std::pair<std::string, std::int64_t>, ElectionResult*> by_result;
  for (const SqlRow& row : db.query("SELECT ons_code, year, held_on, result, first_party, second_party, electorate, "
                                    "valid_votes, invalid_votes, majority FROM election_results ORDER BY ons_code, ordinal",
                                    {})) {
    Constituency& c = data.constituencies.at(by_code.at(row.text(0)));
    ElectionResult e;
    e.year = static_cast<int>(row.integer(1));
    e.held_on = parse_iso_date(row.text(2), "held_on");
    e.result = row.text(3);
    e.first_party = row.text(4);
    e.second_party = row.text(5);
    e.electorate = static_cast<long>(row.integer(6));
    e.valid_votes = static_cast<long>(row.integer(7));
    e.invalid_votes = static_cast<long>(row.integer(8));
    e.majority = static_cast<long>(row.integer(9));
    c.results.push_back(std::move(e));
  }
  // Pointers taken only after every results vector has stopped growing.
  for (Constituency& c : data.constituencies) {
    for (ElectionResult& e : c.results) by_result[{c.ons_code, e.year}] = &e;
  }
  for (const SqlRow& row : db.query("SELECT ons_code, year, party, votes FROM result_votes ORDER BY ons_code, year, ordinal", {})) {
    ElectionResult* e = by_result.at({row.text(0), row.integer(1)});
    e->votes.push_back(PartyVotes{row.text(2), static_cast<long>(row.integer(3))});
  }
}

void load_members(SqlConnection& db, ReferenceData& data) {
  std::map<std::string, std::size_t> by_id;
  for (const SqlRow& row : db.query("SELECT id, name, constituency, parliament, elected_on, served_until, elected_party "
                                    "FROM members ORDER BY ordinal",
                                    {})) {
    Member m;
    m.id = row.text(0);
    m.name = row.text(1);
    m.constituency = row.text(2);
    m.parliament = static_cast<int>(row.integer(3));
    m.elected_on = parse_iso_date(row.text(4), "elected_on");
    m.served_until = date_column(row, 5, "served_until");
    m.elected_party = row.text(6);
    by_id[m.id] = data.members.size();
    data.members.push_back(std::move(m));
  }
  for (const SqlRow& row : db.query("SELECT member_id, party, from_date, to_date, from_known_by, note FROM party_spells "
                                    "ORDER BY member_id, ordinal",
                                    {})) {
    PartySpell s;
    s.party = row.text(1);
    s.from = date_column(row, 2, "from_date");
    s.to = date_column(row, 3, "to_date");
    s.from_known_by = date_column(row, 4, "from_known_by");
    s.note = row.text(5);
    data.members.at(by_id.at(row.text(0))).history.push_back(std::move(s));
  }
}

}  // namespace

bool SqlReferenceStore::replace_reference_data(const ReferenceData& data, bool force) {
  validate_reference_data(data);
  bool replaced = false;
  session_.transaction([&](SqlConnection& db) {
    db.lock_for_transaction("recall.reference");
    if (!force && read_digest(db) == data.source_digest) return;
    clear_reference_tables(db);
    save_parties(db, data.parties);
    save_constituencies(db, data.constituencies);
    save_members(db, data.members);
    save_hexes(db, data.hexes);
    save_example_postcodes(db, data.postcodes);
    db.execute("INSERT INTO reference_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
               {sql_text(std::string(digest_key)), sql_text(data.source_digest)});
    replaced = true;
  });
  return replaced;
}

std::optional<ReferenceData> SqlReferenceStore::load_reference_data() {
  std::optional<ReferenceData> loaded;
  // One transaction holding the writers' lock, so a concurrent replace is seen entirely or not at
  // all (a PostgreSQL read-committed transaction would otherwise take a new snapshot per statement).
  session_.transaction([&](SqlConnection& db) {
    db.lock_for_transaction("recall.reference");
    auto digest = read_digest(db);
    if (!digest) return;
    ReferenceData data;
    data.source_digest = *digest;
    for (const SqlRow& row : db.query("SELECT code, name, colour, text_colour FROM parties ORDER BY ordinal", {})) {
      Party party;
      party.code = row.text(0);
      party.name = row.text(1);
      party.colour = row.text(2);
      party.text_colour = row.text(3);
      data.parties.push_back(std::move(party));
    }
    load_constituencies(db, data);
    load_members(db, data);
    for (const SqlRow& row : db.query("SELECT ons_code, q, r, region FROM hexes ORDER BY ordinal", {})) {
      data.hexes.push_back(HexCell{row.text(0), static_cast<int>(row.integer(1)), static_cast<int>(row.integer(2)), row.text(3)});
    }
    for (const SqlRow& row : db.query("SELECT postcode, ons_code FROM reference_postcodes", {})) {
      data.postcodes.emplace(row.text(0), row.text(1));
    }
    loaded = std::move(data);
  });
  return loaded;
}

std::optional<std::string> SqlReferenceStore::loaded_digest() {
  return session_.with([](SqlConnection& db) { return read_digest(db); });
}

}  // namespace recall
