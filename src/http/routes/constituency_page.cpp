// GET /constituencies/{ons}: a seat, its 2017 and 2019 results and its MPs.
#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response constituency_page(const Site& site, const Request& request) {
  const std::string ons = request.path_params.at("ons");
  const Constituency* constituency = site.parliament.constituency(ons);
  if (constituency == nullptr) throw_not_found("There is no constituency with the ONS code '" + ons + "'");
  return render(request, site.templates, "constituency", PageMeta{constituency->name, 200},
                constituency_detail_json(site.parliament, *constituency));
}

}  // namespace recall::http
