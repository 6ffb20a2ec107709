// GET /officer and POST /officer/petitions: the petition officer's list of petitions and the form
// that opens one from a Speaker's notice. Bad input shows the form again with a GOV.UK error summary
// (the JSON twin answers a problem naming the field); the service decides every rule.
#include <algorithm>

#include "core/rules/policy.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

struct OpenForm {
  std::string ons_code;
  std::string policy_id;
  std::string condition;
  std::string condition_detail;
  std::string notice;
  std::string designated_day;
  std::string extend;  // "", "yes" or "no"
  std::string override_reason;
};

OpenForm read_values(const Request& request) {
  const auto date_text = [&](std::string_view field) {
    std::string whole = form_text(request, field);
    if (!whole.empty()) return whole;
    const std::string day = form_text(request, std::string(field) + "-day");
    const std::string month = form_text(request, std::string(field) + "-month");
    const std::string year = form_text(request, std::string(field) + "-year");
    return day.empty() && month.empty() && year.empty() ? std::string() : year + "-" + month + "-" + day;
  };
  return OpenForm{form_text(request, "ons_code"),  form_text(request, "policy_id"),
                  form_text(request, "condition"), form_text(request, "condition_detail"),
                  date_text("notice"),             date_text("designated_day"),
                  form_text(request, "extend_for_bank_holidays"), form_text(request, "override_reason")};
}

nlohmann::json form_json(const Site& site, const OpenForm& values) {
  std::vector<const Constituency*> constituencies;
  for (const Constituency& c : site.parliament.data().constituencies) constituencies.push_back(&c);
  std::sort(constituencies.begin(), constituencies.end(),
            [](const Constituency* a, const Constituency* b) { return a->name < b->name; });
  nlohmann::json constituency_options = nlohmann::json::array();
  for (const Constituency* c : constituencies) {
    constituency_options.push_back({{"value", c->ons_code}, {"text", c->name}, {"selected", c->ons_code == values.ons_code}});
  }
  nlohmann::json policy_options = nlohmann::json::array();
  nlohmann::json condition_names = nlohmann::json::array();
  for (const Policy& policy : site.policies.policies()) {
    policy_options.push_back({{"value", policy.id}, {"text", policy.title}, {"selected", policy.id == values.policy_id}});
    for (ConditionKind kind : condition_kinds(policy)) {
      const std::string name = to_string(kind);
      if (std::find(condition_names.begin(), condition_names.end(), name) == condition_names.end()) {
        condition_names.push_back(name);
      }
    }
  }
  nlohmann::json condition_options = nlohmann::json::array();
  for (const auto& name : condition_names) {
    condition_options.push_back({{"value", name}, {"text", name}, {"selected", name == values.condition}});
  }
  return {{"constituencies", constituency_options},
          {"policies", policy_options},
          {"conditions", condition_options},
          {"condition_detail", values.condition_detail},
          {"notice", values.notice},
          {"designated_day", values.designated_day},
          {"extend_policy", values.extend.empty()},
          {"extend_yes", values.extend == "yes"},
          {"extend_no", values.extend == "no"},
          {"override_reason", values.override_reason}};
}

Response show(const Site& site, const Request& request, const Visitor& visitor, const OpenForm& values,
              const nlohmann::json& error, int status) {
  nlohmann::json petitions = nlohmann::json::array();
  for (const PublicPetition& petition : site.petitions.public_petitions()) {
    petitions.push_back(petition_json(petition.petition, petition.phase));
  }
  nlohmann::json view{{"petitions", petitions},
                      {"has_petitions", !petitions.empty()},
                      {"form", form_json(site, values)},
                      {"has_error", !error.is_null()},
                      {"error", error}};
  add_visitor(view, visitor);
  return render(request, site.templates, "officer",
                PageMeta{error.is_null() ? "Petition officer" : "Error: Petition officer", status}, view);
}

OpenPetitionRequest to_request(const Request& request) {
  OpenPetitionRequest open;
  open.ons_code = required_form_text(request, "ons_code", "the constituency");
  open.policy_id = required_form_text(request, "policy_id", "the policy");
  open.condition = required_form_text(request, "condition", "the recall condition");
  open.condition_detail = form_text(request, "condition_detail");
  const auto notice = form_date(request, "notice", "Date of the Speaker's notice");
  if (!notice) {
    throw Error(ErrorKind::invalid_input, "Enter the date of the Speaker's notice", SourceLocation{"form", 0, 0, "notice"});
  }
  open.notice = *notice;
  open.overrides.designated_day = form_date(request, "designated_day", "Earlier designated day");
  const std::string extend = form_text(request, "extend_for_bank_holidays");
  if (extend == "yes" || extend == "no") open.overrides.extend_for_bank_holidays = extend == "yes";
  else if (!extend.empty()) {
    throw Error(ErrorKind::invalid_input, "Choose whether bank holidays extend the signing period",
                SourceLocation{"form", 0, 0, "extend_for_bank_holidays"});
  }
  open.override_reason = form_text(request, "override_reason");
  return open;
}

}  // namespace

Response officer_page(const Site& site, const Request& request, const Visitor& visitor) {
  return show(site, request, visitor, OpenForm{}, nullptr, 200);
}

Response open_petition_submit(const Site& site, const Request& request, const Visitor& visitor) {
  try {
    const Petition petition = site.petitions.open_petition(visitor.actor, to_request(request));
    const std::string manage = "/petitions/" + std::to_string(petition.id) + "/manage";
    if (!request.wants_json()) return see_other(manage);
    Response response;
    response.status = 201;
    response.content_type = "application/json";
    response.headers.emplace_back("Location", manage);
    response.body = nlohmann::json{{"petition", petition_json(petition, phase_of(petition, site.petitions.now_local()))}}.dump();
    return response;
  } catch (const Error& error) {
    const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::conflict;
    if (!form_problem || request.wants_json()) throw;
    return show(site, request, visitor, read_values(request), form_error_json(error, "ons_code"),
                error.kind() == ErrorKind::conflict ? 409 : 400);
  }
}

}  // namespace recall::http
