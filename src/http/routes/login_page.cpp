// GET/POST /login and POST /logout. The sign-in form carries a token that must match a __Host-
// cookie set with the form (http/auth/cookies.hpp), so another site cannot sign a browser into an
// account of its choosing. Every failure gives one message, whatever went wrong.
#include <fmt/format.h>

#include "core/auth/csrf.hpp"
#include "core/auth/token.hpp"
#include "http/auth/cookies.hpp"
#include "http/auth/guard.hpp"
#include "http/auth/web_auth.hpp"
#include "http/page.hpp"
#include "http/problem.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

std::string home_for(const Actor& actor) {
  return actor.role == Role::petition_officer ? std::string("/officer") : std::string("/petitions");
}

Response no_store(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The form, with a fresh form token in the page and in its cookie.
Response login_form(const Site& site, const Request& request, const Visitor& visitor, const std::string& email,
                    const nlohmann::json& error, int status) {
  const std::string token = new_random_token();
  nlohmann::json view{{"login_token", token},
                      {"next", local_path_or(request.form.get("next").value_or(request.query.get("next").value_or("")), "")},
                      {"email", email},
                      {"has_error", !error.is_null()},
                      {"error", error}};
  add_visitor(view, visitor);
  Response response = render(request, site.templates, "login",
                             PageMeta{error.is_null() ? "Sign in" : "Error: Sign in", status}, view);
  response.headers.emplace_back("Set-Cookie", login_cookie(token));
  return no_store(std::move(response));
}

}  // namespace

Response login_page(const Site& site, const Request& request) {
  return login_form(site, request, site.auth.visitor(request), "", nullptr, 200);
}

Response login_submit(const Site& site, const Request& request) {
  try {
    // The form's token against its cookie: both or neither come from our own page.
    const std::string cookie = cookie_value(request.header("cookie").value_or(""), login_cookie_name).value_or("");
    const std::string submitted = request.form.get("login_token").value_or(request.header("x-csrf-token").value_or(""));
    if (cookie.empty() || !looks_like_token(cookie)) {
      throw Error(ErrorKind::forbidden, "The sign-in form has expired; reload the page and try again",
                  SourceLocation{"form", 0, 0, "login_token"});
    }
    check_csrf(cookie, submitted);

    const std::string email = form_text(request, "email");
    const std::string password = request.form.get("password").value_or("");
    if (const auto wait = site.auth.retry_after(email, request.remote_address)) {
      Response response = problem_response(
          request,
          Error(ErrorKind::rate_limited, fmt::format("Too many failed attempts; try again in {} minutes",
                                                     (*wait + 59) / 60)),
          &site.templates);
      response.headers.emplace_back("Retry-After", std::to_string(*wait));
      return no_store(std::move(response));
    }
    WebAuth::SignIn signed_in;
    try {
      signed_in = site.auth.sign_in(email, password, request.remote_address);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::unauthenticated || request.wants_json()) throw;
      return login_form(site, request, site.auth.visitor(request), email, form_error_json(error, "email"), 401);
    }
    const std::string next = local_path_or(request.form.get("next").value_or(""), home_for(signed_in.visitor.actor));
    Response response;
    if (request.wants_json()) {
      nlohmann::json body = visitor_json(signed_in.visitor);
      body["csrf_token"] = signed_in.visitor.csrf_token;
      body["next"] = next;
      response.content_type = "application/json";
      response.body = body.dump();
    } else {
      response = see_other(next);
    }
    response.headers.emplace_back("Set-Cookie", signed_in.set_cookie);
    return no_store(std::move(response));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

Response logout_submit(const Site& site, const Request& request) {
  try {
    const Visitor visitor = site.auth.visitor(request);
    // Someone whose session has already ended is signed out already; only a live session needs the token.
    if (visitor.signed_in()) check_request_csrf(request, visitor);
    const std::string clear = site.auth.sign_out(visitor);
    Response response;
    if (request.wants_json()) {
      response.content_type = "application/json";
      response.body = R"({"signed_in":false})";
    } else {
      response = see_other("/");
    }
    response.headers.emplace_back("Set-Cookie", clear);
    return no_store(std::move(response));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

}  // namespace recall::http
