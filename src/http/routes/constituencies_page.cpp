// GET /constituencies: every seat, grouped by nation and then region, names in order.
#include <algorithm>
#include <map>

#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response constituencies_page(const Site& site, const Request& request) {
  // Nation in enum order (England, Scotland, Wales, Northern Ireland), then region by name.
  std::map<Nation, std::map<std::string, std::vector<const Constituency*>>> grouped;
  for (const Constituency& constituency : site.parliament.data().constituencies) {
    grouped[constituency.nation][constituency.region].push_back(&constituency);
  }
  nlohmann::json nations = nlohmann::json::array();
  for (auto& [nation, regions] : grouped) {
    nlohmann::json region_list = nlohmann::json::array();
    for (auto& [region, seats] : regions) {
      std::sort(seats.begin(), seats.end(),
                [](const Constituency* a, const Constituency* b) { return a->name < b->name; });
      nlohmann::json seat_list = nlohmann::json::array();
      for (const Constituency* seat : seats) seat_list.push_back({{"ons_code", seat->ons_code}, {"name", seat->name}});
      region_list.push_back({{"name", region}, {"count", seats.size()}, {"constituencies", std::move(seat_list)}});
    }
    nations.push_back({{"code", to_string(nation)}, {"name", display_name(nation)}, {"regions", std::move(region_list)}});
  }
  const nlohmann::json view = {{"count", site.parliament.data().constituencies.size()}, {"nations", std::move(nations)}};
  return render(request, site.templates, "constituencies", PageMeta{"Constituencies", 200}, view);
}

}  // namespace recall::http
