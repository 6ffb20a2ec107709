#include "http/routes/public_petition_form.hpp"

#include "http/page.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/public_petition_view.hpp"

namespace recall::http {

Response render_public_form(const Site& site, const Request& request, std::string_view template_name,
                            std::string title, nlohmann::json view, const Error* error, int status) {
  return render_sign_form(site, request, template_name, std::move(title), std::move(view), error, status, "name");
}

nlohmann::json typed_signer_json(const Request& request) {
  return {{"name", form_text(request, "name")},
          {"email", form_text(request, "email")},
          {"postcode", form_text(request, "postcode")},
          {"uk_resident", form_yes(request, "uk_resident")}};
}

nlohmann::json blank_signer_json() {
  return {{"name", ""}, {"email", ""}, {"postcode", ""}, {"uk_resident", false}};
}

}  // namespace recall::http
