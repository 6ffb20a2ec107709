// GET/POST /public/petitions/new: starting a petition. The creator gives the text (action up to 80
// characters, background up to 300, details up to 800), optionally an MP or a constituency, and
// their own details: they are its first supporter and confirm by email like everyone else. After
// creating, the page shows the sponsor link to share.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_form.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/public_petition_view.hpp"
#include "http/routes/view_model.hpp"
#include "service/email_public_petition.hpp"

namespace recall::http {

namespace {

constexpr std::string_view title = "Start a petition to call a by-election";

nlohmann::json typed_petition(const Request& request) {
  nlohmann::json form = typed_signer_json(request);
  form["action"] = form_text(request, "action");
  form["background"] = form_text(request, "background");
  form["details"] = form_text(request, "details");
  form["mp"] = form_text(request, "mp");
  form["constituency"] = form_text(request, "constituency");
  return form;
}

// The MPs and constituencies to choose from, sorted by name, the typed one selected.
nlohmann::json target_options(const Site& site, const nlohmann::json& form) {
  nlohmann::json constituencies = nlohmann::json::array();
  std::vector<const Constituency*> sorted;
  for (const Constituency& c : site.parliament.data().constituencies) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const Constituency* c : sorted) {
    const Member* member = site.parliament.member_for(c->ons_code);
    constituencies.push_back({{"ons_code", c->ons_code},
                              {"label", member ? fmt::format("{} ({})", c->name, member->name) : c->name},
                              {"selected", form.value("constituency", "") == c->ons_code}});
  }
  return constituencies;
}

Response new_petition_form(const Site& site, const Request& request, nlohmann::json form, const Error* error,
                           int status) {
  nlohmann::json view = {{"constituencies", target_options(site, form)},
                         {"limits", {{"action", 80}, {"background", 300}, {"details", 800}}},
                         {"form", std::move(form)}};
  return render_public_form(site, request, "public_petition_new", std::string(title), std::move(view), error, status);
}

}  // namespace

Response public_new_petition_page(const Site& site, const Request& request) {
  nlohmann::json form = blank_signer_json();
  for (const char* field : {"action", "background", "details", "mp", "constituency"}) form[field] = "";
  return new_petition_form(site, request, std::move(form), nullptr, 200);
}

Response public_new_petition_submit(const Site& site, const Request& request) {
  try {
    check_sign_form_token(request);
    NewPetitionForm form{form_text(request, "action"), form_text(request, "background"), form_text(request, "details"),
                         form_text(request, "mp"),     form_text(request, "constituency"), signer_from_form(request)};
    const CreatedPetition created = site.public_petitions.create(form, signer_ip(site, request));
    const std::string sponsor_path = public_path(created.id, "/sponsor/" + created.sponsor_token);
    const PublicPetitionConfig& config = site.public_petitions.config();
    // The same link the creator's email carries.
    const nlohmann::json view = {{"id", created.id},
                                 {"sponsor_link", sponsor_link(config.site_url, created.id, created.sponsor_token)},
                                 {"sponsor_path", sponsor_path},
                                 {"sponsors_needed", config.rules.sponsors_needed}};
    Response response = render(request, site.templates, "public_petition_created",
                               PageMeta{"Your petition has been created", request.wants_json() ? 201 : 200}, view);
    return no_store(std::move(response));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::invalid_input || request.wants_json()) {
      return no_store(problem_response(request, error, &site.templates));
    }
    return new_petition_form(site, request, typed_petition(request), &error, 400);
  }
}

}  // namespace recall::http
