#pragma once
// The hexmap of constituencies as a view model: each hex with its centre, its polygon and the
// party of its MP at the end of a Parliament, a legend and the same facts as a list by party. The
// SVG is drawn by the template from these numbers, so the map needs no JavaScript.
#include <nlohmann/json.hpp>

#include "http/site.hpp"

namespace recall::http {

nlohmann::json hexmap_json(const Site& site, int parliament);

}  // namespace recall::http
