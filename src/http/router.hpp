#pragma once
// Maps method + path to a handler. Patterns are literal segments and {name} segments
// ("/mps/{id}"); a prefix route ("/assets/") takes every path below it. Dispatch never throws:
// handler exceptions become a problem response (see problem.hpp), an unknown path a 404, a known
// path with the wrong method a 405 with an Allow header.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.hpp"

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

  // Every path starting with `prefix` (which must end with '/'); the rest of the path is given to
  // the handler as path_params["*"].
  void add_prefix(std::string method, std::string prefix, Handler handler);

  // Finds the route, fills path_params and runs the handler; never throws.
  [[nodiscard]] Response dispatch(Request request) const;

  // The methods registered for a path (for Allow), empty when no pattern matches it.
  [[nodiscard]] std::vector<std::string> allowed_methods(std::string_view path) const;

  [[nodiscard]] const Templates* templates() const noexcept { return templates_; }

  struct Route;  // opaque; defined in router.cpp

 private:
  const Route* match(std::string_view method, std::string_view path, Request* request) const;

  const Templates* templates_;
  std::vector<std::shared_ptr<const Route>> routes_;
};

}  // namespace recall::http
