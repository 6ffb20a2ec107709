#pragma once
// The public petition forms (create, sign, sponsor, confirm) are used without an account, so they
// carry the anonymous double-submit token of online signing (online_sign_session.hpp): a fresh
// token in a cookie and the same value in the form.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

// Renders `template_name` with "sign_token" (and its cookie), the error when given ({"has_error",
// "error", "field_errors": {field: message}}) and Cache-Control: no-store.
Response render_public_form(const Site& site, const Request& request, std::string_view template_name,
                            std::string title, nlohmann::json view, const Error* error, int status);

// The signer's fields as typed, so a refused form comes back filled in.
nlohmann::json typed_signer_json(const Request& request);
nlohmann::json blank_signer_json();

}  // namespace recall::http
