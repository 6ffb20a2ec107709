// The home page: one search box for a postcode, an MP or a constituency.
#include "http/page.hpp"
#include "http/routes/handlers.hpp"

namespace recall::http {

Response home_page(const Site& site, const Request& request) {
  const nlohmann::json view = {{"heading", "Find an MP"},
                               {"query", ""},
                               {"searched", false},
                               {"has_errors", false},
                               {"search", "/search?q="}};
  return render(request, site.templates, "home", PageMeta{"Find an MP", 200}, view);
}

}  // namespace recall::http
