// POST /public/petitions/{id}/signatures (the form) and POST /api/public/petitions/{id}/signatures
// (JSON {name, email, postcode, uk_resident}): signing, answered only once the intake's batch holding
// the signature has committed. The handler checks the request on the I/O thread, prepares the
// likely answer there, and hands the rest to the service; the service's callback, on its writer
// thread, only picks which answer to send.
//
// "Check your email" is the answer whether the email is new to the petition or has signed already,
// so the page never reveals who has signed.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_form.hpp"
#include "http/routes/public_petition_pages.hpp"
#include "http/routes/public_petition_sign_flow.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/public_petition_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

Response pending_json() {
  return no_store(json_response(
      {{"status", "pending"},
       {"message", "Check your email: we have sent a link to confirm the signature. It counts once confirmed."}},
      202));
}

}  // namespace

void sign_through_service(const Site& site, SignRequest sign, Response pending,
                          Responder respond) {
  // The Request is gone by the time the writer thread answers: the Responder keeps its head.
  const Templates* templates = &site.templates;
  site.public_petitions.sign(
      std::move(sign),
      [respond, pending = std::move(pending), templates](SignOutcome outcome) mutable {
        const Request& answer_as = respond.request();
        switch (outcome) {
          case SignOutcome::pending:
            respond(std::move(pending));
            return;
          case SignOutcome::closed:
            respond(no_store(problem_response(answer_as, 409, "This petition is not taking signatures",
                                                "The petition is closed or not open yet, so it cannot be signed.",
                                                templates)));
            return;
          case SignOutcome::not_found:
            respond(no_store(problem_response(answer_as, 404, "Petition not found",
                                                "There is no public petition at this address.", templates)));
            return;
          case SignOutcome::unavailable: {
            Response busy = problem_response(answer_as, 503, "Sorry, the service is busy",
                                             "Your signature was not saved. Try again in a moment.", templates);
            busy.headers.emplace_back("Retry-After", "1");
            respond(no_store(std::move(busy)));
            return;
          }
        }
      });
}

Response sign_form_error(const Site& site, const Request& request, std::int64_t id, const Error& error,
                         std::string_view template_name, nlohmann::json view) {
  const std::optional<PublicPetitionRecord> record = site.public_petitions.find(id);
  if (!record) return no_store(problem_response(request, error, &site.templates));
  view["petition"] = public_petition_view_json(*record, site.parliament);
  view["form"] = typed_signer_json(request);
  return render_public_form(site, request, template_name, "Sign this petition", std::move(view), &error, 400);
}

Response sign_pending_page(const Site& site, const Request& request, std::int64_t id) {
  const nlohmann::json view = {{"petition_id", id}, {"petition_href", public_path(id)}};
  return no_store(render(request, site.templates, "public_sign_pending", PageMeta{"Check your email", 200}, view));
}

void public_sign_submit(const Site& site, const Request& request, Responder respond) {
  const std::int64_t id = id_param(request, "id");
  try {
    check_sign_form_token(request);
    SignRequest sign{id, signer_from_form(request), signer_ip(site, request), ""};
    sign_through_service(site, std::move(sign), sign_pending_page(site, request, id), respond);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::invalid_input) throw;
    respond(sign_form_error(site, request, id, error, "public_petition_sign",
                            {{"sign_action", public_path(id, "/signatures")}}));
  }
}

void public_sign_api(const Site& site, const Request& request, Responder respond) {
  const std::int64_t id = id_param(request, "id");
  SignRequest sign{id, signer_from_json(request), signer_ip(site, request), ""};
  sign_through_service(site, std::move(sign), pending_json(), std::move(respond));
}

}  // namespace recall::http
