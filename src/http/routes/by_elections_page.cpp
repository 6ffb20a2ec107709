// GET /by-elections: seats vacated by a successful recall petition (the by-election follows).
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

Response by_elections_page(const Site& site, const Request& request, const Visitor& visitor) {
  nlohmann::json items = nlohmann::json::array();
  for (const ByElection& by_election : site.store.petitions().list_by_elections()) {
    const Constituency* constituency = site.parliament.constituency(by_election.ons_code);
    items.push_back({{"id", by_election.id},
                     {"ons_code", by_election.ons_code},
                     {"constituency_name", constituency ? constituency->name : by_election.ons_code},
                     {"petition_id", by_election.petition_id},
                     {"vacancy_at", by_election.vacancy_at},
                     {"vacancy_on", by_election.vacancy_at.substr(0, 10)},
                     {"status", by_election.status}});
  }
  nlohmann::json view{{"by_elections", items}, {"has_by_elections", !items.empty()}};
  add_visitor(view, visitor);
  return render(request, site.templates, "by_elections", PageMeta{"By-elections after recall"}, view);
}

}  // namespace recall::http
