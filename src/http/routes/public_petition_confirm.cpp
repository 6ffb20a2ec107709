// Confirming a signature from the link in the email. GET shows a page with a Confirm button and
// changes nothing, since mail scanners follow links; POST confirms through the intake (answered
// after COMMIT). JSON twin: POST /api/public/petitions/confirm/{token}.
#include <fmt/format.h>

#include "core/auth/token.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_form.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/public_petition_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

Response busy(const Request& request, const Templates* templates) {
  Response out = problem_response(request, 503, "Sorry, the service is busy",
                                  "Your signature is not confirmed yet. Try again in a moment.", templates);
  out.headers.emplace_back("Retry-After", "1");
  return no_store(std::move(out));
}

Response link_not_valid(const Request& request, const Templates* templates) {
  return no_store(problem_response(request, 404, "This link is not valid any more",
                                     "The signature may be confirmed already, or the link was mistyped. "
                                     "If you have not confirmed, sign the petition again for a new link.",
                                     templates));
}

}  // namespace

Response public_confirm_page(const Site& site, const Request& request) {
  const std::int64_t id = id_param(request, "id");
  const std::string token = request.path_params.at("token");
  nlohmann::json view = {{"petition_id", id},
                         {"petition_href", public_path(id)},
                         {"confirm_action", public_path(id, "/confirm/" + token)},
                         {"token_valid", looks_like_token(token)}};
  return render_public_form(site, request, "public_confirm", "Confirm your signature", std::move(view), nullptr, 200);
}

void public_confirm_submit(const Site& site, const Request& request, Responder respond) {
  check_sign_form_token(request);
  const std::int64_t id = id_param(request, "id");
  std::string token = request.path_params.at("token");
  const Templates* templates = &site.templates;
  // Anything but a link token (core/auth/token.hpp) is not worth a trip to the intake.
  if (!looks_like_token(token)) {
    respond(link_not_valid(request, templates));
    return;
  }
  // Both likely answers are built here, on the I/O thread; the writer thread only picks one.
  Response thanks = no_store(render(request, site.templates, "public_confirmed",
                                      PageMeta{"Thank you, your signature is confirmed", 200},
                                      {{"petition_id", id}, {"petition_href", public_path(id)}}));
  Response invalid = link_not_valid(request, templates);
  site.public_petitions.confirm(
      std::move(token), [respond, thanks = std::move(thanks), invalid = std::move(invalid),
                         templates](ConfirmResult result) mutable {
        switch (result.outcome) {
          case ConfirmOutcome::confirmed:
            respond(std::move(thanks));
            return;
          case ConfirmOutcome::unknown:
            respond(std::move(invalid));
            return;
          case ConfirmOutcome::unavailable:
            respond(busy(respond.request(), templates));
            return;
        }
      });
}

void public_confirm_api(const Site& site, const Request& request, Responder respond) {
  require_json_body(request);
  std::string token = request.path_params.at("token");
  const Templates* templates = &site.templates;
  if (!looks_like_token(token)) {
    respond(link_not_valid(request, templates));
    return;
  }
  site.public_petitions.confirm(std::move(token), [respond, templates](ConfirmResult result) {
    const Request& answer_as = respond.request();
    switch (result.outcome) {
      case ConfirmOutcome::confirmed:
        respond(no_store(json_response({{"status", "confirmed"}, {"petition_id", result.petition_id}})));
        return;
      case ConfirmOutcome::unknown:
        respond(link_not_valid(answer_as, templates));
        return;
      case ConfirmOutcome::unavailable:
        respond(busy(answer_as, templates));
        return;
    }
  });
}

}  // namespace recall::http
