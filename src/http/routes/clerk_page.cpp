// GET/POST /petitions/{id}/places/{place}/clerk: the clerk at a signing place finds an elector (by
// elector number, or surname and postcode) and marks the register once ID has been shown. Whether
// the register is already marked is said only when the elector belongs to this place (the service's
// clerk_lookup decides); anywhere else the clerk learns only which place is the elector's.
// Every outcome, refusals included, is a 200: the outcome is the page, not an error.
#include "core/auth/permissions.hpp"
#include "http/page.hpp"
#include "http/routes/ledger_view.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

struct ClerkContext {
  PublicPetition petition;
  SigningPlace place;
};

ClerkContext context_of(const Site& site, const Request& request) {
  const auto petition = site.petitions.public_petition(id_param(request, "id"));
  if (!petition) throw Error(ErrorKind::not_found, "There is no such petition");
  const std::int64_t place_id = id_param(request, "place");
  for (const SigningPlace& place : petition->places) {
    if (place.id == place_id) return ClerkContext{*petition, place};
  }
  throw Error(ErrorKind::not_found, "This petition has no such signing place");
}

std::string place_name(const PublicPetition& petition, std::int64_t place_id) {
  for (const SigningPlace& place : petition.places) {
    if (place.id == place_id) return place.name;
  }
  return "another signing place";
}

nlohmann::json found_json(const ClerkContext& context, const ClerkElector& found) {
  nlohmann::json item = elector_json(found.elector);
  item["at_this_place"] = found.at_this_place;
  item["place_id"] = found.place_id;
  item["place_name"] = place_name(context.petition, found.place_id);
  // Present only at the elector's own place (the service leaves it empty elsewhere).
  item["already_marked_known"] = found.already_marked.has_value();
  item["already_marked"] = found.already_marked.value_or(false);
  item["may_sign"] = found.at_this_place && found.elector.entitled && !found.already_marked.value_or(false);
  return item;
}

nlohmann::json outcome_json(InPersonOutcome outcome, const std::string& right_place) {
  std::string title;
  std::string text;
  bool success = false;
  switch (outcome) {
    case InPersonOutcome::signed_petition:
      success = true;
      title = "Signed: official mark given";
      text = "Give the signing sheet its official mark. The register is marked.";
      break;
    case InPersonOutcome::already_signed:
      title = "Refused: already signed";
      text = "The register is already marked for this elector. Signing twice is an offence (s.12).";
      break;
    case InPersonOutcome::wrong_place:
      title = "Refused: wrong signing place";
      text = "This elector's signing place is " + right_place + ".";
      break;
    case InPersonOutcome::not_entitled:
      title = "Refused: not entitled to sign";
      text = "This person is not on the petition register, or is under 18 at the close.";
      break;
    case InPersonOutcome::place_closed:
      title = "Refused: the signing place is closed";
      text = "Signing is possible only in the signing period, within this place's hours.";
      break;
    case InPersonOutcome::no_proxy:
      title = "Refused: no proxy appointed";
      text = "This elector has no proxy, so nobody may sign on their behalf.";
      break;
  }
  return {{"outcome", std::string(to_string(outcome))}, {"title", title}, {"text", text}, {"success", success}};
}

Response show(const Site& site, const Request& request, const Visitor& visitor, const ClerkContext& context,
              const nlohmann::json& outcome, const nlohmann::json& error, int status) {
  const std::string query = request.query.get("q").value_or("");
  const std::string postcode = request.query.get("postcode").value_or("");
  nlohmann::json found = nlohmann::json::array();
  if (!query.empty() && request.method == "GET") {
    for (const ClerkElector& elector : site.petitions.clerk_lookup(visitor.actor, context.petition.petition.id,
                                                                   context.place.id, query, postcode)) {
      found.push_back(found_json(context, elector));
    }
  }
  nlohmann::json view{{"petition", petition_json(context.petition.petition, context.petition.phase)},
                      {"place", place_json(context.place)},
                      {"q", query},
                      {"postcode", postcode},
                      {"searched", !query.empty() && request.method == "GET"},
                      {"found", found},
                      {"has_found", !found.empty()},
                      {"has_outcome", !outcome.is_null()},
                      {"outcome", outcome},
                      {"has_error", !error.is_null()},
                      {"error", error},
                      {"identity_documents",
                       nlohmann::json::array({{{"value", "passport"}, {"text", "Passport"}},
                                              {{"value", "driving-licence"}, {"text", "Driving licence"}},
                                              {{"value", "voter-authority-certificate"}, {"text", "Voter Authority Certificate"}},
                                              {{"value", "other-photo-id"}, {"text", "Other accepted photo ID"}}})}};
  add_visitor(view, visitor);
  return render(request, site.templates, "clerk",
                PageMeta{(error.is_null() ? "" : "Error: ") + std::string("Signing place: ") + context.place.name, status},
                view);
}

}  // namespace

Response clerk_page(const Site& site, const Request& request, const Visitor& visitor) {
  return show(site, request, visitor, context_of(site, request), nullptr, nullptr, 200);
}

Response clerk_sign_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const ClerkContext context = context_of(site, request);
  try {
    InPersonRequest sign;
    sign.petition_id = context.petition.petition.id;
    sign.place_id = context.place.id;
    sign.elector_number = required_form_text(request, "elector_number", "the elector number");
    sign.identity_evidence = form_text(request, "identity_evidence");
    if (form_yes(request, "proxy")) {
      sign.proxy_name = form_text(request, "proxy_name");
      sign.proxy_address = form_text(request, "proxy_address");
    }
    const InPersonResult signed_result = site.petitions.sign_in_person(visitor.actor, sign);
    const InPersonOutcome outcome = signed_result.outcome;
    std::string right_place;
    if (outcome == InPersonOutcome::wrong_place) {
      for (const ClerkElector& found :
           site.petitions.clerk_lookup(visitor.actor, sign.petition_id, sign.place_id, sign.elector_number, "")) {
        if (found.elector.entry.elector_number == sign.elector_number) right_place = place_name(context.petition, found.place_id);
      }
    }
    nlohmann::json result = outcome_json(outcome, right_place.empty() ? "another signing place" : right_place);
    result["elector_number"] = sign.elector_number;
    // The elector leaves with the receipt code (printed, or copied onto a slip) to check after the declaration.
    result["has_receipt"] = signed_result.receipt.has_value();
    result["receipt"] = signed_result.receipt ? signer_receipt_json(*signed_result.receipt) : nlohmann::json(nullptr);
    return show(site, request, visitor, context, result, nullptr, 200);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::invalid_input || request.wants_json()) throw;
    return show(site, request, visitor, context, nullptr, form_error_json(error, "elector_number"), 400);
  }
}

}  // namespace recall::http
