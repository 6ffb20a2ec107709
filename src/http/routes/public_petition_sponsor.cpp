// GET/POST /public/petitions/{id}/sponsor/{token}: the link a creator shares with their sponsors.
// The page shows the petition (not yet public) and a sign form; signing through it passes the
// sponsor token, and the sponsor that reaches the number needed sends the petition to moderation
// once they confirm by email.
#include "core/base/error.hpp"
#include "http/problem.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_form.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_sign_flow.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

namespace {

Response no_such_link(const Site& site, const Request& request) {
  return problem_response(request, 404, "This sponsor link is not valid",
                          "Check you copied the whole link. The petition may also have been removed.", &site.templates);
}

}  // namespace

Response public_sponsor_page(const Site& site, const Request& request) {
  const std::int64_t id = id_param(request, "id");
  const std::string& token = request.path_params.at("token");
  const auto record = site.public_petitions.find_by_sponsor_token(id, token);
  if (!record || record->petition.state == public_petition::PublicPetitionState::hidden) {
    return no_such_link(site, request);
  }
  nlohmann::json view = {{"petition", public_petition_view_json(*record, site.parliament)},
                         {"form", blank_signer_json()},
                         {"sponsors_needed", site.public_petitions.config().rules.sponsors_needed},
                         {"sign_action", public_path(id, "/sponsor/" + token)}};
  return render_public_form(site, request, "public_petition_sponsor", "Support this petition", std::move(view), nullptr,
                            200);
}

void public_sponsor_submit(const Site& site, const Request& request, Responder respond) {
  const std::int64_t id = id_param(request, "id");
  const std::string token = request.path_params.at("token");
  try {
    check_sign_form_token(request);
    SignRequest sign{id, signer_from_form(request), signer_ip(site, request), token};
    sign_through_service(site, std::move(sign), sign_pending_page(site, request, id), respond);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::invalid_input) throw;
    respond(sign_form_error(site, request, id, error, "public_petition_sponsor",
                            {{"sign_action", public_path(id, "/sponsor/" + token)},
                             {"sponsors_needed", site.public_petitions.config().rules.sponsors_needed}}));
  }
}

}  // namespace recall::http
