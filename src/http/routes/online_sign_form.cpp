// GET/POST /petitions/{id}/sign: the first step of online signing. The elector gives their elector
// number, date of birth and postcode, and an email address for the code.
//
// Whatever they type, a well-formed request gets the same answer (303 to the code page, or 202 for
// JSON): the page never says whether the details matched anyone, or whether that person has signed.
#include <cctype>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/auth/guard.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/online_sign_session.hpp"
#include "http/routes/online_sign_view.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

constexpr std::string_view title = "Sign the petition online";

// Elector numbers are printed in capitals; people type them as they like.
std::string elector_number_from(const Request& request, std::string_view field) {
  std::string text = form_text(request, field);
  std::string out;
  for (char c : text) {
    if (c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// What the elector typed, so a refused form comes back filled in.
nlohmann::json typed(const Request& request) {
  return {{"elector_number", form_text(request, "elector_number")},
          {"date_of_birth_day", form_text(request, "date_of_birth-day")},
          {"date_of_birth_month", form_text(request, "date_of_birth-month")},
          {"date_of_birth_year", form_text(request, "date_of_birth-year")},
          {"postcode", form_text(request, "postcode")},
          {"email", form_text(request, "email")}};
}

nlohmann::json blank_form() {
  return {{"elector_number", ""}, {"date_of_birth_day", ""}, {"date_of_birth_month", ""},
          {"date_of_birth_year", ""}, {"postcode", ""}, {"email", ""}};
}

}  // namespace

Response online_sign_page(const Site& site, const Request& request) {
  try {
    const PublicPetition petition = online_petition(site, request);
    nlohmann::json view = online_sign_base_view(petition);
    view["form"] = blank_form();
    return render_sign_form(site, request, "online_sign", std::string(title), std::move(view), nullptr, 200);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response online_sign_submit(const Site& site, const Request& request) {
  std::optional<PublicPetition> petition;
  try {
    check_sign_form_token(request);
    petition = online_petition(site, request);
    const std::int64_t id = petition->petition.id;
    const std::string elector_number = elector_number_from(request, "elector_number");
    if (elector_number.empty()) {
      throw Error(ErrorKind::invalid_input, "Enter your elector number", SourceLocation{"form", 0, 0, "elector_number"});
    }
    const std::optional<Date> born = form_date(request, "date_of_birth", "Date of birth");
    if (!born) {
      throw Error(ErrorKind::invalid_input, "Enter your date of birth", SourceLocation{"form", 0, 0, "date_of_birth"});
    }
    site.petitions.request_online_code(id, elector_number, *born, form_text(request, "postcode"),
                                       form_text(request, "email"), request.remote_address);

    Response response;
    if (request.wants_json()) {
      response.status = 202;
      response.content_type = "application/json";
      response.body = nlohmann::json{{"status", "requested"},
                                     {"message", "If the details match an elector who may sign, a code is on its way "
                                                 "to the email address given. It lasts 15 minutes."},
                                     {"next", fmt::format("/api/petitions/{}/sign/code", id)}}
                          .dump();
    } else {
      response = see_other(fmt::format("/petitions/{}/sign/code", id));
    }
    response.headers.emplace_back("Set-Cookie", sign_elector_cookie(id, elector_number));
    return no_store(std::move(response));
  } catch (const Error& error) {
    const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::rate_limited;
    if (!form_problem || !petition || request.wants_json()) {
      return no_store(problem_response(request, error, &site.templates));
    }
    nlohmann::json view = online_sign_base_view(*petition);
    view["form"] = typed(request);
    const int status = error.kind() == ErrorKind::rate_limited ? 429 : 400;
    return render_sign_form(site, request, "online_sign", std::string(title), std::move(view), &error, status);
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace recall::http
