#pragma once
// The hexmap of constituencies as a view model: each hex with its centre, its polygon and the
// party of its MP at the end of a Parliament, a legend and the same facts as a list by party. The
// SVG is drawn by the template from these numbers, so the map needs no JavaScript.
#include <nlohmann/json.hpp>

#include "http/site.hpp"

namespace recall::http {

nlohmann::json hexmap_json(const Site& site, int parliament);

// Only the shapes, for maps that colour constituencies by something else (a public petition's
// signatures): {"view_box", "hexes": [{"ons_code", "name", "x", "y", "points"}]}, in the reference
// data's order.
nlohmann::json hexmap_geometry_json(const Parliament& parliament);

}  // namespace recall::http
