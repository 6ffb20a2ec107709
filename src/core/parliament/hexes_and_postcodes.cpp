// read_hexes (the hexjson layout) and read_example_postcodes (one real postcode per constituency).
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_parts.hpp"

namespace recall {

std::vector<HexCell> read_hexes(const SourceFile& hexjson, const std::vector<Constituency>& constituencies) {
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(hexjson.text);
  } catch (const nlohmann::json::parse_error& error) {
    throw_invalid(fmt::format("not valid JSON: {}", error.what()), hexjson.at(error.byte > 0 ? error.byte - 1 : 0));
  }
  const auto layout = document.find("layout");
  if (layout == document.end() || *layout != "odd-r") {
    throw_invalid("expected \"layout\": \"odd-r\"", hexjson.find("\"layout\"", 0, "layout"));
  }
  const auto hexes = document.find("hexes");
  if (hexes == document.end() || !hexes->is_object()) {
    throw_invalid("expected an object \"hexes\" keyed by ONS code", hexjson.find("\"hexes\"", 0, "hexes"));
  }
  std::unordered_set<std::string> known;
  for (const auto& seat : constituencies) known.insert(seat.ons_code);

  std::vector<HexCell> cells;
  std::unordered_set<std::string> placed;
  for (const auto& [code, hex] : hexes->items()) {
    auto where = [&](const char* field) { return hexjson.find(fmt::format("\"{}\"", code), 0, field); };
    if (!known.contains(code)) throw_invalid(fmt::format("\"{}\" is not one of the 650 constituencies", code), where("hexes"));
    HexCell cell;
    cell.ons_code = code;
    for (const auto* field : {"q", "r"}) {
      const auto value = hex.find(field);
      if (value == hex.end() || !value->is_number_integer()) {
        throw_invalid(fmt::format("expected a whole number \"{}\"", field), where(field));
      }
      const auto number = value->get<long long>();
      if (number < -10000 || number > 10000) throw_invalid(fmt::format("{} is off the map", number), where(field));
      (field[0] == 'q' ? cell.q : cell.r) = static_cast<int>(number);
    }
    const auto region = hex.find("a");
    if (region == hex.end() || !region->is_string() || region->get_ref<const std::string&>().empty()) {
      throw_invalid("expected a region code \"a\"", where("a"));
    }
    cell.region = region->get<std::string>();
    placed.insert(code);
    cells.push_back(std::move(cell));
  }
  for (const auto& seat : constituencies) {
    if (!placed.contains(seat.ons_code)) {
      throw_invalid(fmt::format("no hex for {} ({})", seat.ons_code, seat.name), SourceLocation{hexjson.name, 0, 0, "hexes"});
    }
  }
  return cells;
}

std::map<std::string, std::string> read_example_postcodes(const SourceFile& yaml,
                                                          const std::vector<Constituency>& constituencies) {
  std::unordered_set<std::string> known;
  for (const auto& seat : constituencies) known.insert(seat.ons_code);
  auto location = [&](const YAML::Mark& mark, std::string field) {
    return SourceLocation{yaml.name, mark.line + 1, mark.column + 1, std::move(field)};
  };
  YAML::Node document;
  try {
    document = YAML::Load(yaml.text);
  } catch (const YAML::Exception& error) {
    throw_invalid(fmt::format("not valid YAML: {}", error.msg), location(error.mark, {}));
  }
  if (!document.IsMap()) throw_invalid("expected a map from ONS code to postcode", location(document.Mark(), {}));
  std::map<std::string, std::string> postcodes;
  for (const auto& entry : document) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
      throw_invalid("expected \"ONS code: postcode\"", location(entry.first.Mark(), {}));
    }
    const auto code = entry.first.Scalar();
    if (!known.contains(code)) continue;  // the 2024 boundaries and others we do not hold
    const auto text = entry.second.Scalar();
    const auto postcode = normalise_postcode(text);
    if (!postcode) {
      throw_invalid(fmt::format("\"{}\" is not a UK postcode", text), location(entry.second.Mark(), code));
    }
    postcodes[*postcode] = code;
  }
  return postcodes;
}

}  // namespace recall
