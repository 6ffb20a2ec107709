#include "http/routes/hexmap_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

#include <fmt/format.h>

#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

// Pointy-topped hexes of circumradius 10 SVG units.
constexpr double radius = 10.0;
const double hex_width = std::sqrt(3.0) * radius;
constexpr double row_height = 1.5 * radius;

struct Point {
  double x;
  double y;
};

// Odd-r: odd rows sit half a hex to the right. HexJSON rows count upwards (north), SVG y downwards.
Point centre(int q, int r) {
  const bool odd_row = (r % 2) != 0;
  return {hex_width * (q + (odd_row ? 0.5 : 0.0)), -row_height * r};
}

std::string polygon_points(Point c) {
  std::string points;
  for (int corner = 0; corner < 6; ++corner) {
    const double angle = std::numbers::pi / 180.0 * (60.0 * corner - 30.0);
    points += fmt::format("{}{:.2f},{:.2f}", corner == 0 ? "" : " ", c.x + radius * std::cos(angle),
                          c.y + radius * std::sin(angle));
  }
  return points;
}

// The box the hexes fill, grown hex by hex, as an SVG viewBox with a small margin.
class HexBounds {
 public:
  void add(Point c) {
    min_x_ = std::min(min_x_, c.x - hex_width / 2);
    max_x_ = std::max(max_x_, c.x + hex_width / 2);
    min_y_ = std::min(min_y_, c.y - radius);
    max_y_ = std::max(max_y_, c.y + radius);
    empty_ = false;
  }
  [[nodiscard]] std::string view_box() const {
    constexpr double margin = 4.0;
    if (empty_) return fmt::format("{:.2f} {:.2f} {:.2f} {:.2f}", -margin, -margin, 2 * margin, 2 * margin);
    return fmt::format("{:.2f} {:.2f} {:.2f} {:.2f}", min_x_ - margin, min_y_ - margin,
                       max_x_ - min_x_ + 2 * margin, max_y_ - min_y_ + 2 * margin);
  }

 private:
  double min_x_ = std::numeric_limits<double>::max();
  double min_y_ = std::numeric_limits<double>::max();
  double max_x_ = std::numeric_limits<double>::lowest();
  double max_y_ = std::numeric_limits<double>::lowest();
  bool empty_ = true;
};

}  // namespace

nlohmann::json hexmap_geometry_json(const Parliament& parliament) {
  HexBounds bounds;
  nlohmann::json hexes = nlohmann::json::array();
  for (const HexCell& cell : parliament.data().hexes) {
    const Point c = centre(cell.q, cell.r);
    bounds.add(c);
    const Constituency* constituency = parliament.constituency(cell.ons_code);
    hexes.push_back({{"ons_code", cell.ons_code},
                     {"name", constituency ? constituency->name : cell.ons_code},
                     {"x", std::round(c.x * 100) / 100},
                     {"y", std::round(c.y * 100) / 100},
                     {"points", polygon_points(c)}});
  }
  return {{"view_box", bounds.view_box()}, {"hexes", std::move(hexes)}};
}

nlohmann::json hexmap_json(const Site& site, int parliament_year) {
  const Parliament& parliament = site.parliament;
  HexBounds bounds;

  struct PartyGroup {
    nlohmann::json constituencies = nlohmann::json::array();
    long changed = 0;
  };
  std::map<std::string, PartyGroup> groups;
  nlohmann::json hexes = nlohmann::json::array();
  long changed_count = 0;

  for (const HexCell& cell : parliament.data().hexes) {
    const Point c = centre(cell.q, cell.r);
    bounds.add(c);

    const Constituency* constituency = parliament.constituency(cell.ons_code);
    const std::string name = constituency ? constituency->name : cell.ons_code;
    const Member* member = parliament.member_for(cell.ons_code, parliament_year);
    const std::string party = member ? member->current_party() : "vacant";
    const nlohmann::json party_info = member ? party_json(parliament, party)
                                             : nlohmann::json{{"code", "vacant"}, {"name", "No MP"}, {"colour", "#ffffff"}};
    const bool changed = member != nullptr && member->changed_party();
    if (changed) ++changed_count;

    nlohmann::json hex = {{"ons_code", cell.ons_code},
                          {"name", name},
                          {"q", cell.q},
                          {"r", cell.r},
                          {"region", cell.region},
                          {"x", std::round(c.x * 100) / 100},
                          {"y", std::round(c.y * 100) / 100},
                          {"points", polygon_points(c)},
                          {"party", party_info["code"]},
                          {"party_name", party_info["name"]},
                          {"colour", party_info["colour"]},
                          {"changed_party", changed}};
    std::string title;
    if (member != nullptr) {
      hex["member_id"] = member->id;
      hex["member_name"] = member->name;
      hex["elected_party"] = member->elected_party;
      hex["elected_party_name"] = party_name(parliament, member->elected_party);
      hex["href"] = "/mps/" + member->id;
      title = fmt::format("{}: {}, {}", name, member->name, party_info["name"].get<std::string>());
      if (changed) title += fmt::format(" (changed party: elected as {})", party_name(parliament, member->elected_party));
    } else {
      hex["href"] = "/constituencies/" + cell.ons_code;
      title = name + ": no MP recorded";
    }
    hex["title"] = title;

    PartyGroup& group = groups[party];
    if (changed) ++group.changed;
    nlohmann::json entry = {{"ons_code", cell.ons_code}, {"name", name}, {"href", hex["href"]}, {"changed_party", changed}};
    if (member != nullptr) entry["member_name"] = member->name;
    group.constituencies.push_back(std::move(entry));
    hexes.push_back(std::move(hex));
  }

  nlohmann::json by_party = nlohmann::json::array();
  for (auto& [code, group] : groups) {
    std::sort(group.constituencies.begin(), group.constituencies.end(),
              [](const nlohmann::json& a, const nlohmann::json& b) { return a["name"] < b["name"]; });
    nlohmann::json info = code == "vacant" ? nlohmann::json{{"code", "vacant"}, {"name", "No MP"}, {"colour", "#ffffff"}}
                                           : party_json(parliament, code);
    info["count"] = group.constituencies.size();
    info["changed_count"] = group.changed;
    info["constituencies"] = std::move(group.constituencies);
    by_party.push_back(std::move(info));
  }
  // Largest party first, as a results table would be.
  std::stable_sort(by_party.begin(), by_party.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["count"].get<std::size_t>() > b["count"].get<std::size_t>();
  });

  nlohmann::json parliament_options = nlohmann::json::array();
  for (int year : parliament.parliaments()) {
    parliament_options.push_back({{"year", year},
                                  {"label", parliament_label(site.calendar, year)},
                                  {"selected", year == parliament_year}});
  }

  return {{"parliament", parliament_year},
          {"parliament_label", parliament_label(site.calendar, parliament_year)},
          {"parliament_options", std::move(parliament_options)},
          {"layout", "odd-r"},
          {"view_box", bounds.view_box()},
          {"hex_count", hexes.size()},
          {"changed_count", changed_count},
          {"hexes", std::move(hexes)},
          {"by_party", std::move(by_party)}};
}

}  // namespace recall::http
