// The home page: one search box for a postcode, an MP or a constituency.
#include "http/page.hpp"
#include "http/routes/handlers.hpp"

namespace recall::http {

Response home_page(const Site& site, const Request& request) {
  // The JSON twin (/api, linked from the footer) doubles as an index of the API.
  const nlohmann::json endpoints = nlohmann::json::array({
      {{"path", "/api/search?q={postcode, MP or constituency}"}, {"about", "a postcode's constituency, or matches by name"}},
      {{"path", "/api/mps?party=&nation=&parliament=&changed=1&name="}, {"about", "MPs, filtered"}},
      {{"path", "/api/mps/{id}"}, {"about", "an MP: history and recall under each policy"}},
      {{"path", "/api/constituencies"}, {"about", "constituencies by nation and region"}},
      {{"path", "/api/constituencies/{ons}"}, {"about", "a constituency: results and MPs"}},
      {{"path", "/api/constituencies/{ons}/mp?parliament="},
       {"about", "the seat's MP; default: the latest Parliament in which its MP changed party, else the latest"}},
      {{"path", "/api/hexmap?parliament="}, {"about", "the hexmap layout with the party per hex"}},
      {{"path", "/api/parties"}, {"about", "parties and their colours"}},
      {{"path", "/api/policies"}, {"about", "the recall policies"}},
      {{"path", "/api/policies/{id}"}, {"about", "one recall policy"}},
      {{"path", "/api/rules/evaluate?mp=&policy=&event=&date=…"}, {"about", "evaluate an event for an MP"}},
  });
  const nlohmann::json view = {{"heading", "Find an MP"},
                               {"query", ""},
                               {"searched", false},
                               {"has_errors", false},
                               {"api", endpoints}};
  return render(request, site.templates, "home", PageMeta{"Find an MP", 200}, view);
}

}  // namespace recall::http
