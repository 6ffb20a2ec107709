#include "http/auth/guard.hpp"

#include <algorithm>

#include "core/auth/csrf.hpp"
#include "core/base/error.hpp"
#include "http/auth/web_auth.hpp"
#include "http/problem.hpp"
#include "http_url/url.hpp"

namespace recall::http {

namespace {

bool changes_state(const Request& request) { return request.method != "GET" && request.method != "HEAD"; }

Response no_store(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response run(const Site& site, const Request& request, const Visitor& visitor, const VisitorHandler& handler) {
  try {
    if (changes_state(request)) check_request_csrf(request, visitor);
    return no_store(handler(request, visitor));
  } catch (...) {
    return no_store(problem_response_for_current_exception(request, &site.templates));
  }
}

std::string with_query(const Request& request) {
  std::string target = request.path;
  char separator = '?';
  for (const auto& [key, value] : request.query.items()) {
    target += separator + percent_encode(key) + "=" + percent_encode(value);
    separator = '&';
  }
  return target;
}

}  // namespace

Handler for_everyone(const Site& site, VisitorHandler handler) {
  return [&site, handler = std::move(handler)](const Request& request) {
    const Visitor visitor = site.auth.visitor(request);
    return run(site, request, visitor, handler);
  };
}

Handler for_users_who_may(const Site& site, std::vector<Permission> any_of, VisitorHandler handler) {
  return [&site, any_of = std::move(any_of), handler = std::move(handler)](const Request& request) {
    const Visitor visitor = site.auth.visitor(request);
    if (!visitor.signed_in()) {
      if (!request.wants_json() && !changes_state(request)) {
        return no_store(see_other("/login?next=" + percent_encode(with_query(request))));
      }
      return no_store(problem_response(
          request, Error(ErrorKind::unauthenticated, "Sign in to use this page"), &site.templates));
    }
    const bool allowed = std::any_of(any_of.begin(), any_of.end(), [&](Permission permission) {
      return may(visitor.actor.role, visitor.actor.duty, permission);
    });
    if (!allowed) {
      return no_store(problem_response(
          request, Error(ErrorKind::forbidden, "Your account does not give you access to this page"),
          &site.templates));
    }
    return run(site, request, visitor, handler);
  };
}

void check_request_csrf(const Request& request, const Visitor& visitor) {
  std::string submitted = request.form.get("csrf_token").value_or("");
  if (submitted.empty()) submitted = request.header("x-csrf-token").value_or("");
  // A public visitor has no session token, so check_csrf refuses whatever was sent.
  check_csrf(visitor.csrf_token, submitted);
}

bool visitor_may(const Visitor& visitor, std::initializer_list<Permission> any_of) {
  return std::any_of(any_of.begin(), any_of.end(), [&](Permission permission) {
    return may(visitor.actor.role, visitor.actor.duty, permission);
  });
}

std::string local_path_or(std::string_view next, std::string_view fallback) {
  // One leading slash and no backslash: "//evil.example" and "/\evil.example" are other hosts to a browser.
  const bool local = next.size() >= 1 && next[0] == '/' && (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
                     next.find_first_of("\\\r\n") == std::string_view::npos;
  return std::string(local ? next : fallback);
}

Response see_other(std::string location) {
  Response response;
  response.status = 303;
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

}  // namespace recall::http
