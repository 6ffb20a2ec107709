// GET/POST /petitions/{id}/sign/code: the elector enters the six-digit code from the email. A right
// code records the signature and leads to the receipt; only now, to someone who has shown the code,
// may the page say that the elector had already signed.
#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/auth/guard.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_view.hpp"
#include "service/online_codes.hpp"

namespace recall::http {

namespace {

constexpr std::string_view title = "Enter the code from your email";

nlohmann::json code_view(const PublicPetition& petition, const Request& request) {
  nlohmann::json view = online_sign_base_view(petition);
  const std::optional<std::string> remembered = sign_elector_from(request, petition.petition.id);
  std::string elector = form_text(request, "elector_number");
  if (elector.empty() && remembered) elector = *remembered;
  view["elector_number"] = elector;
  view["elector_known"] = remembered.has_value();
  return view;
}

// People paste "123 456" or " 123456 ".
std::string code_from(const Request& request) {
  std::string out;
  for (char c : form_text(request, "code")) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

}  // namespace

Response online_sign_code_page(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = online_petition(site, request);
    return render_sign_form(site, request, "online_sign_code", std::string(title), code_view(petition, request),
                            nullptr, 200);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response online_sign_code_submit(const Site& site, const Request& request) {
  std::optional<PublicPetition> petition;
  try {
    check_sign_form_token(request);
    petition = online_petition(site, request);
    const std::int64_t id = petition->petition.id;
    std::string elector = form_text(request, "elector_number");
    if (elector.empty()) elector = sign_elector_from(request, id).value_or("");
    for (char& c : elector) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (elector.empty()) {
      throw Error(ErrorKind::invalid_input, "Enter your elector number", SourceLocation{"form", 0, 0, "elector_number"});
    }
    const PetitionService::OnlineReceipt receipt = site.petitions.confirm_online_code(id, elector, code_from(request));
    const StoredReceipt stored{receipt.ledger.leaf, receipt.signed_at};

    Response response;
    if (request.wants_json()) {
      response.status = 201;
      response.content_type = "application/json";
      response.body = nlohmann::json{{"receipt", receipt.receipt},
                                     {"receipt_display", receipt_code(receipt.ledger.leaf.nonce)},
                                     {"signed_at", receipt.signed_at},
                                     {"petition_id", id},
                                     {"receipt_page", fmt::format("/petitions/{}/sign/receipt", id)},
                                     {"download", fmt::format("/petitions/{}/sign/receipt.txt", id)}}
                          .dump();
    } else {
      response = see_other(fmt::format("/petitions/{}/sign/receipt", id));
    }
    // The elector cookie is left to expire on its own (30 minutes): one cookie per answer keeps
    // clients that fold repeated headers working.
    response.headers.emplace_back("Set-Cookie", receipt_cookie(id, stored));
    return no_store(std::move(response));
  } catch (const Error& error) {
    // A wrong code or the news that this elector has already signed is shown on the form itself.
    const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::conflict;
    if (!form_problem || !petition || request.wants_json()) {
      return no_store(problem_response(request, error, &site.templates));
    }
    nlohmann::json view = code_view(*petition, request);
    const bool already_signed = error.kind() == ErrorKind::conflict && petition->phase == PetitionPhase::signing &&
                                petition->petition.online_signing;
    view["already_signed"] = already_signed;
    const int status = error.kind() == ErrorKind::conflict ? 409 : 400;
    const Error shown = error.kind() == ErrorKind::conflict
                            ? Error(ErrorKind::conflict, error.message(), SourceLocation{"form", 0, 0, "code"})
                            : error;
    return render_sign_form(site, request, "online_sign_code", std::string(title), std::move(view), &shown, status);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace recall::http
