#include "http/routes/online_sign_view.hpp"

#include <fmt/format.h>

#include "http/page.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

PublicPetition online_petition(const Site& site, const Request& request) {
  const std::int64_t id = id_param(request, "id");
  auto petition = site.petitions.public_petition(id);
  if (!petition) throw_not_found(fmt::format("no petition {}", id));
  return std::move(*petition);
}

nlohmann::json online_sign_base_view(const PublicPetition& petition) {
  std::string reason;
  if (!petition.petition.online_signing) {
    reason = "This petition cannot be signed online. You can sign at your signing place, by post or by proxy.";
  } else if (petition.phase == PetitionPhase::awaiting_signing) {
    reason = fmt::format("Signing opens on {}.", to_long_form(petition.petition.timetable.designated_day));
  } else if (petition.phase != PetitionPhase::signing) {
    reason = "Signing has closed.";
  }
  return {{"petition", public_petition_json(petition)},
          {"online_available", reason.empty()},
          {"unavailable_reason", reason}};
}

Response no_store(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response render_sign_form(const Site& site, const Request& request, std::string_view template_name,
                          std::string title, nlohmann::json view, const Error* error, int status,
                          std::string_view default_field) {
  const SignFormToken token = new_sign_form_token();
  view["sign_token"] = token.token;
  view["has_error"] = error != nullptr;
  view["error"] = nullptr;
  view["field_errors"] = nlohmann::json::object();
  if (error != nullptr) {
    const nlohmann::json summary = form_error_json(*error, default_field);
    view["error"] = summary;
    view["field_errors"][summary["field"].get<std::string>()] = summary["message"];
    title = "Error: " + title;
  }
  Response response = render(request, site.templates, template_name, PageMeta{std::move(title), status}, view);
  response.headers.emplace_back("Set-Cookie", token.set_cookie);
  return no_store(std::move(response));
}

}  // namespace recall::http
