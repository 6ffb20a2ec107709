// The moderators' upkeep pages: the recount of one petition (memory, GROUP BY and a row-by-row scan
// side by side, repaired on request) and the block list (IP or range, mail domain, email).
#include <map>

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

std::int64_t sum(const std::vector<pp::ConstituencyCount>& rows) {
  std::int64_t total = 0;
  for (const auto& row : rows) total += row.signatures;
  return total;
}

// One row per constituency any of the three sources counts, those that disagree marked.
nlohmann::json recount_json(const Site& site, const RecountReport& report) {
  struct Row {
    std::int64_t in_memory = 0;
    std::int64_t grouped = 0;
    std::int64_t scanned = 0;
  };
  std::map<std::string, Row> rows;
  for (const auto& r : report.in_memory) rows[r.ons_code].in_memory = r.signatures;
  for (const auto& r : report.grouped) rows[r.ons_code].grouped = r.signatures;
  for (const auto& r : report.scanned) rows[r.ons_code].scanned = r.signatures;
  nlohmann::json table = nlohmann::json::array();
  nlohmann::json differing = nlohmann::json::array();
  for (const auto& [code, row] : rows) {
    const Constituency* c = code.empty() ? nullptr : site.parliament.constituency(code);
    const bool differs = row.in_memory != row.grouped || row.grouped != row.scanned;
    nlohmann::json item = {{"ons_code", code},
                           {"name", code.empty() ? std::string("No constituency (postcode not found)") : c ? c->name : code},
                           {"in_memory", row.in_memory},
                           {"grouped", row.grouped},
                           {"scanned", row.scanned},
                           {"differs", differs}};
    if (differs) differing.push_back(item);
    table.push_back(std::move(item));
  }
  return {{"petition_id", report.petition_id},
          {"drift", report.drift},
          {"repaired", report.repaired},
          {"totals", {{"in_memory", sum(report.in_memory)}, {"grouped", sum(report.grouped)}, {"scanned", sum(report.scanned)}}},
          {"differing", std::move(differing)},
          {"rows", std::move(table)}};
}

}  // namespace

Response moderation_recount_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const RecountReport report = site.public_petitions.recount(id, form_yes(request, "repair"), visitor.actor);
  nlohmann::json view = {{"report", recount_json(site, report)}, {"back", fmt::format("/moderation/petitions/{}", id)}};
  add_visitor(view, visitor);
  return render(request, site.templates, "moderation_recount", PageMeta{"Recount", 200}, view);
}

Response moderation_blocks_page(const Site& site, const Request& request, const Visitor& visitor) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const PublicBlock& block : site.public_petitions.blocks(visitor.actor)) {
    blocks.push_back({{"id", block.id},
                      {"kind", pp::to_string(block.kind)},
                      {"value", block.value},
                      {"note", block.note},
                      {"created_at", format_utc_timestamp(block.created_at)}});
  }
  nlohmann::json view = {{"blocks", blocks}, {"empty", blocks.empty()}};
  add_visitor(view, visitor);
  return render(request, site.templates, "moderation_blocks", PageMeta{"Block list", 200}, view);
}

Response moderation_add_block_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::string kind_text = form_text(request, "kind");
  pp::BlockKind kind = pp::BlockKind::ip;
  if (kind_text == "domain") {
    kind = pp::BlockKind::domain;
  } else if (kind_text == "email") {
    kind = pp::BlockKind::email;
  } else if (kind_text != "ip") {
    throw Error(ErrorKind::invalid_input, "Choose what to block: ip, domain or email", SourceLocation{"form", 0, 0, "kind"});
  }
  const std::int64_t block_id =
      site.public_petitions.add_block(kind, form_text(request, "value"), form_text(request, "note"), visitor.actor);
  if (request.wants_json()) return json_response({{"id", block_id}}, 201);
  return see_other("/moderation/blocks");
}

Response moderation_remove_block_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t block_id = id_param(request, "block");
  const bool removed = site.public_petitions.remove_block(block_id, visitor.actor);
  if (!removed) throw Error(ErrorKind::not_found, fmt::format("no block list entry {}", block_id));
  if (request.wants_json()) return json_response({{"removed", true}});
  return see_other("/moderation/blocks");
}

}  // namespace recall::http
