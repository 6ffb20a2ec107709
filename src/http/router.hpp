#pragma once
// Maps method + path to a handler. Patterns are literal segments, {name} segments ("/mps/{id}") and
// {name} with a literal suffix ("/petitions/{id}.json": the parameter is the part before ".json");
// a prefix route ("/assets/") takes every path below it. Dispatch never throws:
// handler exceptions become a problem response (see problem.hpp), an unknown path a 404, a known
// path with the wrong method a 405 with an Allow header.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.hpp"
#include "http/responder.hpp"

namespace recall::http {

class Templates;

class Router {
 public:
  // Error pages for HTML requests are rendered with `templates` (error.mustache in the layout)
  // when given; otherwise a plain built-in page is used.
  explicit Router(const Templates* templates = nullptr);

  // Registers method ("GET", "POST", …) for a pattern. GET routes also answer HEAD.
  // Throws recall::Error (internal) for a malformed pattern or a duplicate registration.
  void add(std::string method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(std::string_view pattern, Handler handler) { add("POST", pattern, std::move(handler)); }

  // A page and its JSON twin: GET `path` and GET "/api" + `path` ("/" twins with "/api").
  // The handler uses Request::wants_json() (via render()) to answer in the right form.
  void add_page(std::string_view path, Handler handler);
  // The same for another method (a form POST with a JSON twin).
  void add_page(std::string method, std::string_view path, Handler handler);

  // Routes answered later (see responder.hpp): the handler returns at once and the I/O thread
  // serves other connections until the Responder is called.
  void add_async(std::string method, std::string_view pattern, AsyncHandler handler);
  // A page and its JSON twin, answered later (as add_page).
  void add_page_async(std::string method, std::string_view path, AsyncHandler handler);

  // Every path starting with `prefix` (which must end with '/'); the rest of the path is given to
  // the handler as path_params["*"].
  void add_prefix(std::string method, std::string prefix, Handler handler);

  // Finds the route, fills path_params and runs the handler; never throws. An async route is
  // waited for, blocking the calling thread: for tests and the CLI, never on an I/O thread.
  [[nodiscard]] Response dispatch(Request request) const;

  // For the server. A synchronous route's response (and every 404/405/problem) is returned at once.
  // An async route gets a Responder built on `make_deliver()` (called only then) and nullopt is
  // returned: the response arrives through the Deliver, possibly on another thread. Never throws;
  // an exception thrown by the async handler itself is answered as a problem through the Deliver.
  [[nodiscard]] std::optional<Response> dispatch(Request request,
                                                 const std::function<Responder::Deliver()>& make_deliver) const;

  // The methods registered for a path (for Allow), empty when no pattern matches it.
  [[nodiscard]] std::vector<std::string> allowed_methods(std::string_view path) const;

  [[nodiscard]] const Templates* templates() const noexcept { return templates_; }

  struct Route;  // opaque; defined in router.cpp

 private:
  const Route* match(std::string_view method, std::string_view path, Request* request) const;
  void add_route(std::string method, std::string_view pattern, Handler handler, AsyncHandler async_handler);
  [[nodiscard]] Response not_routed(const Request& request) const;  // 404 or 405

  const Templates* templates_;
  std::vector<std::shared_ptr<const Route>> routes_;  // in registration order
  // The same routes for matching: prefix routes, and the others by their number of segments, so a
  // request is tried only against the routes that could match it.
  std::vector<const Route*> prefixes_;
  std::vector<std::vector<const Route*>> by_segment_count_;
  void index(const Route& route);
};

}  // namespace recall::http
