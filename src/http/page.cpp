#include "http/page.hpp"

#include "http/templates.hpp"

namespace recall::http {

Response render(const Request& request, const Templates& templates, std::string_view template_name,
                const PageMeta& meta, const nlohmann::json& view) {
  Response response;
  response.status = meta.status;
  if (request.wants_json()) {
    response.content_type = "application/json";
    // Strings from outside (imported CSVs) may not be UTF-8; a bad byte must not turn a page into a 500.
    response.body = view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
  }
  nlohmann::json page_view = view.is_object() ? view : nlohmann::json{{"value", view}};
  page_view["meta"] = {{"title", meta.title}, {"status", meta.status}};
  response.body = templates.render_page(template_name, page_view, layout_model(request.path, meta.title));
  return response;
}

}  // namespace recall::http
