// The moderators' pages (Permission::moderate_public_petitions): the queue of sponsored petitions,
// one petition with its decisions and upkeep forms, and the block list. Every step goes through the
// service, which checks the permission again and audits it; each form carries the session's CSRF
// token, checked by the gate.
#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

nlohmann::json reasons_json() {
  nlohmann::json out = nlohmann::json::array();
  for (pp::ModerationReason reason : pp::all_moderation_reasons()) {
    out.push_back({{"code", pp::to_string(reason)},
                   {"description", pp::public_description(reason)},
                   {"hides_text", pp::hides_text(reason)}});
  }
  return out;
}

nlohmann::json criteria_json(const pp::InvalidationCriteria& criteria) {
  nlohmann::json out = nlohmann::json::object();
  if (criteria.ip) out["ip"] = pp::to_string(*criteria.ip);
  if (criteria.domain) out["domain"] = pp::to_string(*criteria.domain);
  if (criteria.postcode) out["postcode"] = *criteria.postcode;
  if (criteria.window) {
    out["from"] = format_utc_timestamp(criteria.window->from);
    out["to"] = format_utc_timestamp(criteria.window->to);
  }
  return out;
}

// The notice after a step, from the query the step redirected with.
nlohmann::json notice_json(const Request& request) {
  const std::string done = request.query.get("done").value_or("");
  const std::string count = request.query.get("count").value_or("0");
  if (done == "publish") return "The petition is published and open for signatures.";
  if (done == "reject") return "The petition is rejected.";
  if (done == "hide") return "The petition is hidden.";
  if (done == "invalidate") return fmt::format("{} signatures were invalidated; the counts have been updated.", count);
  if (done == "clear-suspects") return fmt::format("{} suspect signatures now count.", count);
  return nullptr;
}

Response done(const Request& request, std::int64_t id, std::string_view step, const nlohmann::json& result) {
  if (request.wants_json()) return json_response(result);
  std::string location = fmt::format("/moderation/petitions/{}?done={}", id, step);
  if (result.contains("count")) location += fmt::format("&count={}", result["count"].get<std::int64_t>());
  return see_other(std::move(location));
}

}  // namespace

Response moderation_queue_page(const Site& site, const Request& request, const Visitor& visitor) {
  nlohmann::json petitions = nlohmann::json::array();
  for (const auto& record : site.public_petitions.moderation_queue(visitor.actor)) {
    nlohmann::json item = public_petition_view_json(record, site.parliament);
    item["href"] = fmt::format("/moderation/petitions/{}", record.petition.id);
    petitions.push_back(std::move(item));
  }
  nlohmann::json view = {{"petitions", petitions}, {"empty", petitions.empty()}};
  add_visitor(view, visitor);
  return render(request, site.templates, "moderation", PageMeta{"Petitions waiting for moderation", 200}, view);
}

Response moderation_petition_page(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const auto record = site.public_petitions.find(id);
  if (!record) throw Error(ErrorKind::not_found, fmt::format("no public petition {}", id));
  const pp::PublicPetition& p = record->petition;
  nlohmann::json petition = public_petition_view_json(*record, site.parliament);
  // Moderators see the text of a hidden petition: they are the ones who judge it.
  petition["action"] = p.text.action;
  petition["background"] = p.text.background;
  petition["additional_details"] = p.text.details;
  const auto counts = site.public_petitions.counts(id);
  nlohmann::json invalidations = nlohmann::json::array();
  for (const auto& entry : site.public_petitions.invalidations(id, visitor.actor)) {
    invalidations.push_back({{"id", entry.id},
                             {"criteria", criteria_json(entry.criteria)},
                             {"matched", entry.matched},
                             {"created_at", format_utc_timestamp(entry.created_at)}});
  }
  const bool awaiting = p.state == pp::PublicPetitionState::sponsored;
  nlohmann::json view = {{"petition", std::move(petition)},
                         {"signature_count", counts ? counts->snapshot.total : 0},
                         {"can_publish", awaiting},
                         {"can_reject", awaiting},
                         {"can_hide", p.state != pp::PublicPetitionState::hidden},
                         {"reasons", reasons_json()},
                         {"has_invalidations", !invalidations.empty()},
                         {"invalidations", std::move(invalidations)},
                         {"notice", notice_json(request)},
                         {"base", fmt::format("/moderation/petitions/{}", id)}};
  add_visitor(view, visitor);
  return render(request, site.templates, "moderation_petition", PageMeta{"Moderate: " + p.text.action, 200}, view);
}

Response moderation_decide_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const std::string decision = request.path_params.at("decision");
  if (decision == "publish") {
    site.public_petitions.publish(id, visitor.actor);
    return done(request, id, decision, {{"status", "open"}});
  }
  if (decision != "reject" && decision != "hide") {
    throw Error(ErrorKind::not_found, fmt::format("no moderation step '{}'", decision));
  }
  const std::string reason_text = form_text(request, "reason");
  const auto reason = pp::parse_moderation_reason(reason_text);
  if (!reason) throw Error(ErrorKind::invalid_input, "Choose a reason", SourceLocation{"form", 0, 0, "reason"});
  const std::string note = form_text(request, "note");
  if (decision == "reject") {
    site.public_petitions.reject(id, *reason, note, visitor.actor);
  } else {
    site.public_petitions.hide(id, *reason, note, visitor.actor);
  }
  return done(request, id, decision, {{"status", decision == "hide" ? "hidden" : "rejected"}});
}

Response moderation_invalidate_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const pp::InvalidationForm form{form_text(request, "ip"), form_text(request, "domain"), form_text(request, "postcode"),
                                  form_text(request, "from"), form_text(request, "to")};
  const InvalidationResult result = site.public_petitions.invalidate(id, form, visitor.actor);
  return done(request, id, "invalidate", {{"invalidation_id", result.invalidation_id}, {"count", result.matched}});
}

Response moderation_clear_suspects_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  // "signature_ids": numbers separated by commas or spaces; empty clears every suspect.
  std::vector<std::int64_t> ids;
  const std::string text = form_text(request, "signature_ids");
  std::string number;
  const auto flush = [&] {
    if (number.empty()) return;
    if (number.size() > 18) {
      throw Error(ErrorKind::invalid_input, "Signature numbers are whole numbers", SourceLocation{"form", 0, 0, "signature_ids"});
    }
    ids.push_back(std::stoll(number));
    number.clear();
  };
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      number += c;
    } else if (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      flush();
    } else {
      throw Error(ErrorKind::invalid_input, "Give signature numbers separated by commas, or leave it empty for all",
                  SourceLocation{"form", 0, 0, "signature_ids"});
    }
  }
  flush();
  const std::int64_t cleared = site.public_petitions.clear_suspects(id, ids, visitor.actor);
  return done(request, id, "clear-suspects", {{"count", cleared}});
}

}  // namespace recall::http
