// GET /public/petitions/{id}/signatures-by-constituency.csv: ons_code,name,mp,signature_count for
// every constituency, zeros included, from the in-memory counts. RFC 4180: CRLF line ends, fields
// with a comma, quote or line break quoted and their quotes doubled.
#include <unordered_map>

#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

namespace {

void append_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Response public_petition_csv(const Site& site, const Request& request) {
  const std::int64_t id = id_param(request, "id");
  const std::optional<PetitionCounts> counts = site.public_petitions.counts(id);
  if (!counts) {
    const auto record = site.public_petitions.find(id);
    if (auto unavailable = unavailable_petition_answer(request, site, record)) return *unavailable;
    return *unavailable_petition_answer(request, site, std::nullopt);
  }
  std::unordered_map<std::string_view, std::int64_t> by_code;
  for (const auto& row : counts->snapshot.by_constituency) by_code[row.ons_code] = row.signatures;

  std::string body = "ons_code,name,mp,signature_count\r\n";
  for (const Constituency& c : site.parliament.data().constituencies) {
    const Member* member = site.parliament.member_for(c.ons_code);
    const auto it = by_code.find(c.ons_code);
    append_field(body, c.ons_code);
    body += ',';
    append_field(body, c.name);
    body += ',';
    if (member != nullptr) append_field(body, member->name + " MP");
    body += ',';
    body += std::to_string(it == by_code.end() ? 0 : it->second);
    body += "\r\n";
  }
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = std::move(body);
  response.headers = {{"Content-Disposition",
                       "attachment; filename=\"petition-" + std::to_string(id) + "-signatures-by-constituency.csv\""},
                      {"Cache-Control", "public, max-age=5"}};
  return response;
}

}  // namespace recall::http
