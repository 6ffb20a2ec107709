#pragma once
// Gates in front of the handlers: who may see a page, and the CSRF check on every state-changing
// POST. A page that needs a login sends a browser to /login?next=<this page> and answers an API
// request with 401 problem+json; a signed-in user without the permission gets 403. Every answer
// passing through a gate is marked Cache-Control: no-store, since it can depend on who asked.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/permissions.hpp"
#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

using VisitorHandler = std::function<Response(const Request&, const Visitor&)>;

// Anyone, signed in or not (the handler may show more to some roles). POSTs still need the session's
// CSRF token when a session is present.
Handler for_everyone(const Site& site, VisitorHandler handler);

// Signed-in users holding at least one of `any_of`.
Handler for_users_who_may(const Site& site, std::vector<Permission> any_of, VisitorHandler handler);

// Throws Error(forbidden, field "csrf_token") unless the form field csrf_token (or the X-CSRF-Token
// header, for API clients) matches the visitor's session.
void check_request_csrf(const Request& request, const Visitor& visitor);

// True when the visitor holds any of the permissions.
bool visitor_may(const Visitor& visitor, std::initializer_list<Permission> any_of);

// "next" must be a path on this site ("/x", not "//host" or "http://..."); otherwise `fallback`.
std::string local_path_or(std::string_view next, std::string_view fallback);

// 303 See Other to `location` (after a form POST, so a reload does not post again).
Response see_other(std::string location);

}  // namespace recall::http
