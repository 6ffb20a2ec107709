#pragma once
// Every page has a JSON twin: a handler builds one view model (JSON) and `render` turns it into the
// JSON response (for /api/… and Accept: application/json) or into HTML through a mustache template
// in web/templates/<name>.mustache wrapped in the GOV.UK layout.
#include <string_view>

#include <nlohmann/json.hpp>

#include "http/request.hpp"

namespace recall::http {

struct PageMeta {
  std::string title;       // <title> and the h1 unless the template sets its own
  int status = 200;
};

class Templates;  // loaded once at start from web/templates (see templates.hpp)

Response render(const Request& request, const Templates& templates, std::string_view template_name,
                const PageMeta& meta, const nlohmann::json& view);

}  // namespace recall::http
