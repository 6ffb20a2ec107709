// GET /map (and /api/hexmap): every constituency as a hex filled with the party of its MP at the end
// of the chosen Parliament (?parliament=, default the most recent).
#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/hexmap_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response map_page(const Site& site, const Request& request) {
  std::optional<int> year = parliament_param(site.parliament, request);
  if (!year) {
    const std::vector<int> years = site.parliament.parliaments();
    if (years.empty()) throw Error(ErrorKind::unavailable, "No Parliament is loaded");
    year = years.back();
  }
  nlohmann::json view = hexmap_json(site, *year);
  return render(request, site.templates, "map", PageMeta{"Map of MPs by party", 200}, view);
}

}  // namespace recall::http
