// GET /audit (read and filter the audit log) and GET /audit/export (the log as a JSON download).
// Entries come from the service, which leaves out sheet-recording entries of petitions not yet
// declared: even the officer's audit view must not become a running total. For the same reason the
// store's entry ids are not shown: withheld entries leave gaps in them, so an id would count the
// signatures recorded in between. Entries are numbered by their place in the log as shown instead.
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

constexpr std::size_t page_size = 200;

nlohmann::json entry_json(const AuditEntry& entry, std::size_t position) {
  nlohmann::json detail = nlohmann::json::parse(entry.detail, nullptr, false);
  if (detail.is_discarded()) detail = nlohmann::json::object();
  return {{"n", position},
          {"at", entry.at},
          {"actor_user_id", entry.actor_user_id ? nlohmann::json(*entry.actor_user_id) : nlohmann::json(nullptr)},
          {"actor_email", entry.actor_email},
          {"role", entry.role},
          {"action", entry.action},
          {"target", entry.target},
          {"detail", detail},
          {"detail_text", entry.detail},
          {"remote_address", entry.remote_address}};
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && lower(haystack[i + j]) == lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

}  // namespace

Response audit_page(const Site& site, const Request& request, const Visitor& visitor) {
  const std::string action = request.query.get("action").value_or("");
  const std::string actor = request.query.get("actor").value_or("");
  const std::string target = request.query.get("target").value_or("");
  const std::string from = request.query.get("from").value_or("");  // "YYYY-MM-DD": entries on or after
  if (!from.empty() && !try_parse_iso_date(from)) {
    throw Error(ErrorKind::invalid_input, "Date must be a real date, like 2019-03-19", SourceLocation{"query", 0, 0, "from"});
  }
  // Newest first, as someone investigating reads it.
  const std::vector<AuditEntry> entries = site.petitions.audit_entries(visitor.actor);
  nlohmann::json rows = nlohmann::json::array();
  std::size_t matched = 0;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    const auto position = static_cast<std::size_t>(entries.rend() - it);
    if (!action.empty() && !it->action.starts_with(action)) continue;
    if (!contains_ignoring_case(it->actor_email, actor)) continue;
    if (!contains_ignoring_case(it->target, target)) continue;
    if (!from.empty() && it->at.substr(0, 10) < from) continue;
    ++matched;
    if (rows.size() < page_size) rows.push_back(entry_json(*it, position));
  }
  nlohmann::json view{{"entries", rows},
                      {"has_entries", !rows.empty()},
                      {"matched", matched},
                      {"truncated", matched > rows.size()},
                      {"shown", rows.size()},
                      {"filter", {{"action", action}, {"actor", actor}, {"target", target}, {"from", from}}}};
  add_visitor(view, visitor);
  return render(request, site.templates, "audit", PageMeta{"Audit log"}, view);
}

Response audit_export(const Site& site, const Request& request, const Visitor& visitor) {
  (void)request;
  nlohmann::json out = nlohmann::json::array();
  const std::vector<AuditEntry> entries = site.petitions.audit_entries(visitor.actor);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    nlohmann::json row = entry_json(entries[i], i + 1);
    row.erase("detail_text");
    out.push_back(std::move(row));
  }
  Response response;
  response.content_type = "application/json";
  response.body = out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"recall-audit.json\"");
  return response;
}

}  // namespace recall::http
