// GET /petitions/{id}/notices: the notices sent to electors (s.7), one per elector naming their
// signing place, for printing (web/src/print.css puts each on its own page). Overseas electors get
// none. A constituency has about 70,000 electors, so the page lists the polling districts and prints
// one district at a time (?district=SA).
#include <map>

#include "core/register/register_entry.hpp"
#include "http/page.hpp"
#include "http/routes/format.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

Response notices_page(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const Petition petition = site.petitions.petition_for_staff(visitor.actor, id);
  const std::vector<ElectorNotice> notices = site.petitions.elector_notices(visitor.actor, id);
  const std::string district = request.query.get("district").value_or("");

  nlohmann::json view{{"petition", petition_json(petition, phase_of(petition, site.petitions.now_local()))},
                      {"district", district},
                      {"has_district", !district.empty()}};
  if (district.empty()) {
    std::map<std::string, long> per_district;
    for (const ElectorNotice& notice : notices) ++per_district[std::string(polling_district_of(notice.elector.entry.elector_number))];
    nlohmann::json districts = nlohmann::json::array();
    for (const auto& [name, count] : per_district) {
      districts.push_back({{"district", name}, {"notices", count}, {"notices_display", with_thousands(count)}});
    }
    view["districts"] = districts;
    view["total"] = notices.size();
    view["total_display"] = with_thousands(static_cast<long>(notices.size()));
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const ElectorNotice& notice : notices) {
      if (polling_district_of(notice.elector.entry.elector_number) != district) continue;
      items.push_back({{"elector", elector_json(notice.elector)}, {"place", place_json(notice.place)}});
    }
    if (items.empty()) {
      throw Error(ErrorKind::not_found, "There are no notices for polling district " + district);
    }
    view["notices"] = items;
  }
  add_visitor(view, visitor);
  return render(request, site.templates, "petition_notices",
                PageMeta{"Notices to electors: " + petition.constituency_name}, view);
}

}  // namespace recall::http
