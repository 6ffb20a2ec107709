#include "http/routes/public_petition_view.hpp"

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "core/public_petition/client_address.hpp"
#include "http/problem.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace pp = public_petition;

namespace {

nlohmann::json time_or_null(const std::optional<std::int64_t>& seconds) {
  if (!seconds) return nullptr;
  return format_utc_timestamp(*seconds);
}

nlohmann::json target_json(const pp::PetitionTarget& target, const Parliament& parliament) {
  if (!target.member_id && !target.ons_code) return nullptr;
  nlohmann::json out = {{"member_id", target.member_id ? nlohmann::json(*target.member_id) : nlohmann::json(nullptr)},
                        {"ons_code", target.ons_code ? nlohmann::json(*target.ons_code) : nlohmann::json(nullptr)}};
  if (target.member_id) {
    if (const Member* member = parliament.member(*target.member_id)) out["member_name"] = member->name;
  }
  if (target.ons_code) {
    if (const Constituency* c = parliament.constituency(*target.ons_code)) out["constituency_name"] = c->name;
  }
  return out;
}

}  // namespace

std::string public_path(std::int64_t id, std::string_view rest) {
  return fmt::format("{}/petitions/{}{}", public_base, id, rest);
}

std::string absolute_url(const PublicPetitionConfig& config, std::string_view path) {
  std::string_view base = config.site_url;
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base) + std::string(path);
}

std::string_view state_display(pp::PublicPetitionState state) {
  switch (state) {
    case pp::PublicPetitionState::collecting_sponsors:
      return "Collecting sponsors";
    case pp::PublicPetitionState::sponsored:
      return "Waiting for moderation";
    case pp::PublicPetitionState::open:
      return "Open";
    case pp::PublicPetitionState::closed:
      return "Closed";
    case pp::PublicPetitionState::rejected:
      return "Rejected";
    case pp::PublicPetitionState::hidden:
      return "Removed";
  }
  return "Unknown";
}

nlohmann::json public_petition_view_json(const PublicPetitionRecord& record, const Parliament& parliament) {
  const pp::PublicPetition& p = record.petition;
  const bool hidden = p.state == pp::PublicPetitionState::hidden;
  nlohmann::json thresholds = nlohmann::json::array();
  for (const pp::ThresholdMark& mark : p.thresholds) {
    thresholds.push_back({{"signatures", mark.signatures},
                          {"reached_at", time_or_null(mark.reached_at)},
                          {"reached", mark.reached_at.has_value()}});
  }
  nlohmann::json rejection = nullptr;
  if (p.moderation && (p.state == pp::PublicPetitionState::rejected || hidden)) {
    rejection = {{"code", pp::to_string(p.moderation->reason)},
                 {"details", p.moderation->note},
                 {"description", pp::public_description(p.moderation->reason)}};
  }
  return {{"id", p.id},
          {"action", hidden ? "" : p.text.action},
          {"background", hidden ? "" : p.text.background},
          {"additional_details", hidden ? "" : p.text.details},
          {"state", pp::to_string(p.state)},
          {"state_display", state_display(p.state)},
          {"is_open", p.state == pp::PublicPetitionState::open},
          {"created_at", format_utc_timestamp(p.created_at)},
          {"opened_at", time_or_null(p.opened_at)},
          {"closes_at", time_or_null(p.closes_at)},
          {"closed_at", time_or_null(p.closed_at)},
          {"sponsor_count", p.sponsor_count},
          {"moderation_threshold_reached_at", time_or_null(p.sponsored_at)},
          {"rejected_at", p.state == pp::PublicPetitionState::rejected && p.moderation
                              ? nlohmann::json(format_utc_timestamp(p.moderation->decided_at))
                              : nlohmann::json(nullptr)},
          {"rejection", rejection},
          {"thresholds", thresholds},
          {"target", target_json(p.target, parliament)},
          {"links", {{"page", public_path(p.id)},
                     {"json", public_path(p.id, ".json")},
                     {"count", public_path(p.id, "/count.json")},
                     {"csv", public_path(p.id, "/signatures-by-constituency.csv")}}}};
}

nlohmann::json epetitions_attributes(const nlohmann::json& view, std::int64_t signature_count) {
  const nlohmann::json& rejection = view["rejection"];
  return {{"action", view["action"]},
          {"background", view["background"]},
          {"additional_details", view["additional_details"]},
          {"state", view["state"]},
          {"signature_count", signature_count},
          {"created_at", view["created_at"]},
          {"opened_at", view["opened_at"]},
          {"closed_at", view["closed_at"]},
          {"rejected_at", view["rejected_at"]},
          {"rejection", rejection.is_object() ? nlohmann::json{{"code", rejection["code"]}, {"details", rejection["details"]}}
                                              : nlohmann::json(nullptr)},
          {"moderation_threshold_reached_at", view["moderation_threshold_reached_at"]}};
}

std::optional<Response> unavailable_petition_answer(const Request& request, const Site& site,
                                                    const std::optional<PublicPetitionRecord>& record) {
  const auto not_found = [&] {
    return problem_response(request, 404, "Petition not found",
                            "There is no public petition at this address.", &site.templates);
  };
  if (!record) return not_found();
  const pp::PublicPetition& p = record->petition;
  if (p.state != pp::PublicPetitionState::hidden) return std::nullopt;
  // Hidden: its text is withdrawn. Say so only where it had been published.
  if (!p.opened_at) return not_found();
  return problem_response(request, 410, "Petition removed",
                          "This petition has been removed by the moderators and is no longer shown.",
                          &site.templates);
}

SignerForm signer_from_form(const Request& request) {
  return SignerForm{form_text(request, "name"), form_text(request, "email"), form_text(request, "postcode"),
                    form_yes(request, "uk_resident")};
}

void require_json_body(const Request& request) {
  const std::string type = request.header("content-type").value_or("");
  std::string lower;
  for (char c : type) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const std::string_view media = std::string_view(lower).substr(0, lower.find(';'));
  if (media != "application/json") {
    throw Error(ErrorKind::invalid_input, "Send the details as JSON with Content-Type: application/json",
                SourceLocation{"header", 0, 0, "content-type"});
  }
}

SignerForm signer_from_json(const Request& request) {
  require_json_body(request);
  const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw Error(ErrorKind::invalid_input, "The body must be a JSON object", SourceLocation{"body", 0, 0, "body"});
  }
  const auto text = [&](const char* field) -> std::string {
    if (!body.contains(field) || body[field].is_null()) return "";
    if (!body[field].is_string()) {
      throw Error(ErrorKind::invalid_input, fmt::format("'{}' must be a string", field),
                  SourceLocation{"body", 0, 0, field});
    }
    return body[field].get<std::string>();
  };
  SignerForm form{text("name"), text("email"), text("postcode"), false};
  if (body.contains("uk_resident") && !body["uk_resident"].is_null()) {
    if (!body["uk_resident"].is_boolean()) {
      throw Error(ErrorKind::invalid_input, "'uk_resident' must be true or false",
                  SourceLocation{"body", 0, 0, "uk_resident"});
    }
    form.uk_resident = body["uk_resident"].get<bool>();
  }
  return form;
}

public_petition::IpAddress signer_ip(const Site& site, const Request& request) {
  const pp::IpAddress peer = pp::try_parse_ip_address(request.remote_address).value_or(pp::IpAddress{});
  const auto forwarded = request.header("x-forwarded-for");
  return pp::client_address(peer, forwarded ? std::string_view(*forwarded) : std::string_view(),
                            site.public_petitions.config().trusted_proxies);
}

}  // namespace recall::http
