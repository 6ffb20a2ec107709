#include "contract/sample_reference_data.hpp"

namespace recall::contract {

namespace {

Party party(std::string code, std::string name, std::string colour, std::string text_colour) {
  Party p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.colour = std::move(colour);
  p.text_colour = std::move(text_colour);
  return p;
}

ElectionResult result(int year, std::string outcome, std::string first, std::string second, long electorate, long valid,
                      long invalid, long majority, std::vector<PartyVotes> votes) {
  ElectionResult r;
  r.year = year;
  r.held_on = year == 2017 ? make_date(2017, 6, 8) : make_date(2019, 12, 12);
  r.result = std::move(outcome);
  r.first_party = std::move(first);
  r.second_party = std::move(second);
  r.electorate = electorate;
  r.valid_votes = valid;
  r.invalid_votes = invalid;
  r.majority = majority;
  r.votes = std::move(votes);
  return r;
}

Constituency constituency(std::string code, std::string name, Nation nation, std::string region, std::string county,
                          std::vector<ElectionResult> results) {
  Constituency c;
  c.ons_code = std::move(code);
  c.name = std::move(name);
  c.nation = nation;
  c.region = std::move(region);
  c.county = std::move(county);
  c.results = std::move(results);
  return c;
}

PartySpell spell(std::string party, std::optional<Date> from, std::optional<Date> to = std::nullopt,
                 std::optional<Date> known_by = std::nullopt, std::string note = {}) {
  PartySpell s;
  s.party = std::move(party);
  s.from = from;
  s.to = to;
  s.from_known_by = known_by;
  s.note = std::move(note);
  return s;
}

Member member(int parliament, std::string ons_code, std::string name, std::string party, std::vector<PartySpell> history) {
  Member m;
  m.id = std::to_string(parliament) + "-" + ons_code;
  m.name = std::move(name);
  m.constituency = std::move(ons_code);
  m.parliament = parliament;
  m.elected_on = parliament == 2017 ? make_date(2017, 6, 8) : make_date(2019, 12, 12);
  if (parliament == 2017) m.served_until = make_date(2019, 11, 6);
  m.elected_party = std::move(party);
  m.history = std::move(history);
  return m;
}

}  // namespace

ReferenceData sample_reference_data() {
  ReferenceData data;
  data.parties = {party("con", "Conservative", "#0087dc", "#ffffff"), party("lab", "Labour", "#d50000", "#ffffff"),
                  party("ld", "Liberal Democrats", "#fdbb30", "#000000"), party("snp", "Scottish National Party", "#fff95d", "#000000"),
                  party("pc", "Plaid Cymru", "#008142", "#ffffff"), party("sdlp", "SDLP", "#2aa82c", "#ffffff"),
                  party("dup", "DUP", "#d46a4c", "#ffffff"), party("tig", "The Independent Group", "#222221", "#ffffff"),
                  party("ind", "Independent", "#dddddd", "#000000")};

  const Date elected_2017 = make_date(2017, 6, 8);
  const Date tig_founded = make_date(2019, 2, 18);
  data.constituencies = {
      constituency("E14000978", "Streatham", Nation::england, "London", "London",
                   {result(2017, "Lab hold", "lab", "con", 82040, 57798, 150, 26285, {{"lab", 39449}, {"con", 13164}, {"ld", 3611}}),
                    result(2019, "Lab hold", "lab", "ld", 84783, 56513, 178, 17690,
                           {{"lab", 30976}, {"ld", 13286}, {"con", 9060}, {"green", 2567}, {"brexit", 624}})}),
      constituency("E14000607", "Broxtowe", Nation::england, "East Midlands", "Nottinghamshire",
                   {result(2017, "Con hold", "con", "lab", 72624, 55614, 120, 863, {{"con", 25983}, {"lab", 25120}, {"ld", 2247}}),
                    result(2019, "Con hold", "con", "lab", 73052, 55272, 173, 5331,
                           {{"con", 26602}, {"lab", 21271}, {"other", 5593}, {"green", 1806}})}),
      constituency("S14000032", "Glasgow North East", Nation::scotland, "Scotland", "Scotland",
                   {result(2019, "SNP gain from Lab Coop", "snp", "lab", 61075, 33925, 116, 2548,
                           {{"snp", 15911}, {"lab", 13363}, {"con", 3558}, {"ld", 1093}})}),
      constituency("W07000064", "Ceredigion", Nation::wales, "Wales", "Dyfed",
                   {result(2019, "PC hold", "pc", "con", 56386, 40105, 117, 6329,
                           {{"pc", 15208}, {"con", 8879}, {"brexit", 6975}, {"ld", 6317}, {"lab", 2063}, {"green", 663}})}),
      constituency("N06000003", "Belfast South", Nation::northern_ireland, "Northern Ireland", "Northern Ireland",
                   {result(2019, "SDLP gain from DUP", "sdlp", "dup", 69984, 47352, 172, 15401,
                           {{"sdlp", 27079}, {"dup", 11678}, {"alliance", 6786}, {"uup", 1259}, {"other", 550}})}),
  };

  data.members = {
      member(2017, "E14000978", "Chuka Umunna", "lab",
             {spell("lab", elected_2017, tig_founded - std::chrono::days(1)),
              spell("tig", tig_founded, make_date(2019, 6, 13), std::nullopt,
                    "resigned from Labour to sit as The Independent Group"),
              spell("ld", make_date(2019, 6, 14), std::nullopt, std::nullopt, "joined the Liberal Democrats")}),
      member(2017, "E14000607", "Anna Soubry", "con",
             {spell("con", elected_2017), spell("tig", std::nullopt, std::nullopt, make_date(2019, 11, 6),
                                                "party at dissolution; date of change not known")}),
      member(2019, "E14000978", "Bell Ribeiro-Addy", "lab", {spell("lab", make_date(2019, 12, 12))}),
      member(2019, "E14000607", "Darren Henry", "con", {spell("con", make_date(2019, 12, 12))}),
      member(2019, "S14000032", "Anne McLaughlin", "snp", {spell("snp", make_date(2019, 12, 12))}),
      member(2019, "W07000064", "Ben Lake", "pc", {spell("pc", make_date(2019, 12, 12))}),
      member(2019, "N06000003", "Claire Hanna", "sdlp", {spell("sdlp", make_date(2019, 12, 12))}),
  };

  data.hexes = {{"E14000978", 28, 39, "LO"}, {"E14000607", 21, 29, "EM"}, {"S14000032", 17, 8, "SC"},
                {"W07000064", 11, 33, "WA"}, {"N06000003", 3, 19, "NI"}};
  data.postcodes = {{"SW16 1AA", "E14000978"}, {"NG9 1AB", "E14000607"}, {"G33 1AA", "S14000032"},
                    {"SY23 1AA", "W07000064"}, {"BT9 5AA", "N06000003"}};
  data.source_digest = "9f2b5c0e6d1a4b7c8e3f2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b";
  return data;
}

}  // namespace recall::contract
