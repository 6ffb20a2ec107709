#pragma once
// One handler per page, each in its own file; add_routes (routes.cpp) binds them to paths.
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

Response home_page(const Site& site, const Request& request);               // GET /
Response search_page(const Site& site, const Request& request);             // GET /search?q=
Response mps_page(const Site& site, const Request& request);                // GET /mps
Response mp_page(const Site& site, const Request& request);                 // GET /mps/{id}
Response constituencies_page(const Site& site, const Request& request);     // GET /constituencies
Response constituency_page(const Site& site, const Request& request);       // GET /constituencies/{ons}
Response constituency_mp_api(const Site& site, const Request& request);     // GET /api/constituencies/{ons}/mp
Response map_page(const Site& site, const Request& request);                // GET /map, /api/hexmap
Response rules_page(const Site& site, const Request& request);              // GET /rules
Response rules_evaluate_page(const Site& site, const Request& request);     // GET /rules/evaluate
Response policies_api(const Site& site, const Request& request);            // GET /api/policies
Response policy_api(const Site& site, const Request& request);              // GET /api/policies/{id}
Response parties_api(const Site& site, const Request& request);             // GET /api/parties

}  // namespace recall::http
