#include "core/parliament/parties.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/csv/csv_table.hpp"

namespace recall {

namespace {

constexpr const char* black = "#000000";
constexpr const char* white = "#ffffff";

// Text colours follow the WCAG contrast ratio (tested): the higher of black or white on the fill.
const std::vector<Party> parties = {
    {"con", "Conservative", "#0087dc", black},
    {"lab", "Labour", "#e4003b", white},
    {"ld", "Liberal Democrats", "#faa61a", black},
    {"snp", "Scottish National Party", "#fdf38e", black},
    {"pc", "Plaid Cymru", "#005b54", white},
    {"green", "Green", "#02a95b", black},
    {"dup", "Democratic Unionist Party", "#d46a4c", black},
    {"sf", "Sinn F\xc3\xa9in", "#326760", white},
    {"sdlp", "Social Democratic and Labour Party", "#2aa82c", black},
    {"uup", "Ulster Unionist Party", "#48a5ee", black},
    {"alliance", "Alliance", "#f6cb2f", black},
    {"ukip", "UK Independence Party", "#6d3177", white},
    {"brexit", "Brexit Party", "#12b6cf", black},
    {"tig", "The Independent Group", "#222221", white},
    {"ind", "Independent", "#dddddd", black},
    {"speaker", "Speaker", "#909090", black},
    {"other", "Other", "#bbbbbb", black},
};

std::string lower_trimmed(std::string_view text) {
  std::string out(trim_blanks(text));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

double relative_luminance(std::string_view colour) {
  const bool well_formed = colour.size() == 7 && colour[0] == '#' &&
                           std::all_of(colour.begin() + 1, colour.end(), [](char c) {
                             return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                           });
  if (!well_formed) throw_invalid(fmt::format("bad colour \"{}\": expected #rrggbb", colour));
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    const auto value = std::stoi(std::string(colour.substr(static_cast<std::size_t>(1 + 2 * i), 2)), nullptr, 16);
    const double c = value / 255.0;
    channels[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

}  // namespace

const std::vector<Party>& canonical_parties() { return parties; }

const Party* find_canonical_party(std::string_view code) {
  const auto it = std::find_if(parties.begin(), parties.end(), [&](const Party& p) { return p.code == code; });
  return it == parties.end() ? nullptr : &*it;
}

double contrast_ratio(std::string_view colour_a, std::string_view colour_b) {
  const double a = relative_luminance(colour_a);
  const double b = relative_luminance(colour_b);
  return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

PartySpellings PartySpellings::read(std::istream& in, const std::string& source_name) {
  CsvTable table(in, source_name);
  const auto spelling_column = table.column("spelling");
  const auto party_column = table.column("party");
  PartySpellings spellings;
  while (table.next_row()) {
    const auto spelling = table.trimmed(spelling_column);
    const auto code = table.trimmed(party_column);
    if (spelling.empty()) table.fail(spelling_column, "empty party spelling");
    if (!find_canonical_party(code)) {
      table.fail(party_column, fmt::format("unknown party code \"{}\"", code));
    }
    if (auto existing = spellings.find(spelling); existing && *existing != code) {
      table.fail(spelling_column, fmt::format("\"{}\" is already mapped to {}", spelling, *existing));
    }
    spellings.add(spelling, code);
  }
  return spellings;
}

void PartySpellings::add(std::string_view spelling, std::string_view code) {
  codes_[lower_trimmed(spelling)] = std::string(code);
}

std::optional<std::string> PartySpellings::find(std::string_view spelling) const {
  const auto it = codes_.find(lower_trimmed(spelling));
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

std::string PartySpellings::require(std::string_view spelling, const SourceLocation& where) const {
  if (auto code = find(spelling)) return *code;
  throw_invalid(fmt::format("unknown party \"{}\" (add it to data/party-spellings.csv)", spelling), where);
}

}  // namespace recall
