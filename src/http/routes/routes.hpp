#pragma once
// The public pages and their JSON twins: home and search, MPs, constituencies, the hexmap, the
// recall rules. `site` must outlive `router`.
#include "http/router.hpp"
#include "http/site.hpp"

namespace recall::http {

void add_routes(Router& router, const Site& site);

}  // namespace recall::http
