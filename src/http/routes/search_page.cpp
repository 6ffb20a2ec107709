// GET /search?q=: a postcode goes straight to its constituency; anything else is a free-text search
// of MPs and constituencies. Bad input re-renders the search form with a GOV.UK error summary (HTML)
// or is a problem+json naming the field "q" (JSON).
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"
#include "http_url/url.hpp"

namespace recall::http {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

Response search_error(const Site& site, const Request& request, const std::string& query, ErrorKind kind,
                      const std::string& message) {
  if (request.wants_json()) throw Error(kind, message, query_field("q"));
  const int status = kind == ErrorKind::not_found ? 404 : 400;
  const nlohmann::json view = {{"heading", "Find an MP"},
                               {"query", query},
                               {"searched", false},
                               {"has_errors", true},
                               {"errors", {{{"field", "q"}, {"message", message}}}},
                               {"q_error", message}};
  return render(request, site.templates, "home", PageMeta{"Error: Find an MP", status}, view);
}

Response to_constituency(const Site& site, const Request& request, const Constituency& constituency,
                         const std::optional<std::string>& postcode) {
  if (request.wants_json()) {
    nlohmann::json view = constituency_detail_json(site.parliament, constituency);
    if (postcode) view["postcode"] = *postcode;
    return json_response(view);
  }
  Response response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  const std::string location = "/constituencies/" + percent_encode(constituency.ons_code);
  response.headers.emplace_back("Location", location);
  response.body = "See " + location;
  return response;
}

std::string kind_label(SearchHit::Kind kind) { return kind == SearchHit::Kind::member ? "MP" : "Constituency"; }

}  // namespace

Response search_page(const Site& site, const Request& request) {
  const std::string query = trimmed(request.query.get("q").value_or(""));
  if (query.empty()) {
    return search_error(site, request, query, ErrorKind::invalid_input, "Enter a postcode, MP or constituency");
  }

  if (const std::optional<std::string> postcode = normalise_postcode(query)) {
    const std::optional<std::string> ons = site.store.postcodes().find_postcode(*postcode);
    const Constituency* constituency = ons ? site.parliament.constituency(*ons) : nullptr;
    if (constituency == nullptr) {
      return search_error(site, request, query, ErrorKind::not_found,
                          fmt::format("We could not find the postcode {}: check it and try again, or search by "
                                      "MP or constituency",
                                      *postcode));
    }
    return to_constituency(site, request, *constituency, postcode);
  }
  // An ONS code is as exact as a postcode.
  if (const Constituency* constituency = site.parliament.constituency(query)) {
    return to_constituency(site, request, *constituency, std::nullopt);
  }

  nlohmann::json results = nlohmann::json::array();
  constexpr std::size_t limit = 50;
  const std::vector<SearchHit> hits = site.parliament.search(query, limit);
  for (const SearchHit& hit : hits) {
    const bool member = hit.kind == SearchHit::Kind::member;
    results.push_back({{"kind", member ? "member" : "constituency"},
                       {"kind_label", kind_label(hit.kind)},
                       {"id", hit.id},
                       {"label", hit.label},
                       {"href", (member ? "/mps/" : "/constituencies/") + percent_encode(hit.id)}});
  }
  const std::size_t count = results.size();
  const nlohmann::json view = {{"heading", "Search results"},
                               {"query", query},
                               {"searched", true},
                               {"has_errors", false},
                               {"count", count},
                               {"limited", count == limit},
                               {"one_result", count == 1},
                               {"has_results", count > 0},
                               {"results", std::move(results)}};
  return render(request, site.templates, "home", PageMeta{"Search results for " + query, 200}, view);
}

}  // namespace recall::http
