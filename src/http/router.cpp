#include "http/router.hpp"

#include <algorithm>
#include <future>

#include <boost/container/small_vector.hpp>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/problem.hpp"

namespace recall::http {

struct Router::Route {
  struct Segment {
    std::string text;     // the literal, or the parameter's name
    bool is_param = false;
    std::string suffix;   // a parameter's literal ending ("{id}.json": ".json"), usually empty
  };
  std::string method;
  std::string pattern;
  std::vector<Segment> segments;
  bool is_prefix = false;  // matches every path below `pattern`
  std::vector<int> rank;   // how specific it is, computed once (route_rank)
  Handler handler;             // exactly one of these two is set
  AsyncHandler async_handler;
};

namespace {

// A path's segments. Most paths have a handful, so they stay on the stack: matching runs on every
// request and is tried against every route.
using Segments = boost::container::small_vector<std::string_view, 8>;

Segments split_path(std::string_view path) {
  Segments out;
  // "/" has no segments; "/a/b" has two; "/a/" has "a" and "" (a trailing slash is significant).
  std::size_t start = 1;
  if (path.size() <= 1) return out;
  while (true) {
    const std::size_t slash = path.find('/', start);
    out.push_back(
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

bool same_shape(const Router::Route* a, const Router::Route* b);
std::vector<int> route_rank(const Router::Route& route);

}  // namespace

Router::Router(const Templates* templates) : templates_(templates) {}

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  if (!handler) throw Error(ErrorKind::internal, fmt::format("route {} {} has no handler", method, pattern));
  add_route(std::move(method), pattern, std::move(handler), nullptr);
}

void Router::add_async(std::string method, std::string_view pattern, AsyncHandler handler) {
  if (!handler) throw Error(ErrorKind::internal, fmt::format("route {} {} has no handler", method, pattern));
  add_route(std::move(method), pattern, nullptr, std::move(handler));
}

void Router::add_route(std::string method, std::string_view pattern, Handler handler, AsyncHandler async_handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw Error(ErrorKind::internal, fmt::format("route pattern '{}' must start with '/'", pattern));
  }
  auto route = std::make_shared<Route>();
  route->method = std::move(method);
  route->pattern = std::string(pattern);
  route->handler = std::move(handler);
  route->async_handler = std::move(async_handler);
  for (const std::string_view segment : split_path(pattern)) {
    const std::size_t close = segment.find('}');
    if (segment.size() >= 2 && segment.front() == '{' && close != std::string_view::npos) {
      const std::string_view name = segment.substr(1, close - 1);
      const std::string_view suffix = segment.substr(close + 1);
      if (name.empty() || name.find_first_of("{}/") != std::string_view::npos ||
          suffix.find_first_of("{}") != std::string_view::npos) {
        throw Error(ErrorKind::internal,
                    fmt::format("route pattern '{}' has a bad parameter '{}'", pattern, segment));
      }
      route->segments.push_back({std::string(name), true, std::string(suffix)});
    } else {
      if (segment.find_first_of("{}") != std::string_view::npos) {
        throw Error(
            ErrorKind::internal,
            fmt::format("route pattern '{}': a parameter must be a whole segment ('{}')", pattern, segment));
      }
      route->segments.push_back({std::string(segment), false, {}});
    }
  }
  for (const auto& existing : routes_) {
    if (existing->method == route->method && same_shape(existing.get(), route.get())) {
      throw Error(ErrorKind::internal, fmt::format("route {} {} is registered twice ('{}')", route->method,
                                                   pattern, existing->pattern));
    }
  }
  route->rank = route_rank(*route);
  index(*route);
  routes_.push_back(std::move(route));
}

void Router::index(const Route& route) {
  if (route.is_prefix) {
    prefixes_.push_back(&route);
    return;
  }
  if (by_segment_count_.size() <= route.segments.size()) by_segment_count_.resize(route.segments.size() + 1);
  by_segment_count_[route.segments.size()].push_back(&route);
}

namespace {

bool same_shape(const Router::Route* a, const Router::Route* b) {
  if (a->is_prefix != b->is_prefix || a->segments.size() != b->segments.size()) return false;
  for (std::size_t i = 0; i < a->segments.size(); ++i) {
    const auto& x = a->segments[i];
    const auto& y = b->segments[i];
    if (x.is_param != y.is_param || (!x.is_param && x.text != y.text) || x.suffix != y.suffix) return false;
  }
  return true;
}

std::string api_twin(std::string_view path) {
  return path == "/" ? std::string("/api") : "/api" + std::string(path);
}

}  // namespace

void Router::add_page(std::string_view path, Handler handler) { add_page("GET", path, std::move(handler)); }

void Router::add_page(std::string method, std::string_view path, Handler handler) {
  add(method, path, handler);
  add(std::move(method), api_twin(path), std::move(handler));
}

void Router::add_page_async(std::string method, std::string_view path, AsyncHandler handler) {
  add_async(method, path, handler);
  add_async(std::move(method), api_twin(path), std::move(handler));
}

void Router::add_prefix(std::string method, std::string prefix, Handler handler) {
  if (prefix.empty() || prefix.front() != '/' || prefix.back() != '/') {
    throw Error(ErrorKind::internal, fmt::format("prefix route '{}' must start and end with '/'", prefix));
  }
  if (!handler)
    throw Error(ErrorKind::internal, fmt::format("prefix route {} {} has no handler", method, prefix));
  auto route = std::make_shared<Route>();
  route->method = std::move(method);
  route->pattern = prefix;
  route->is_prefix = true;
  route->handler = std::move(handler);
  for (const auto& existing : routes_) {
    if (existing->is_prefix && existing->method == route->method && existing->pattern == prefix) {
      throw Error(ErrorKind::internal,
                  fmt::format("prefix route {} {} is registered twice", route->method, prefix));
    }
  }
  route->rank = route_rank(*route);
  index(*route);
  routes_.push_back(std::move(route));
}

namespace {

// Does `route` match the path split into `parts`? Fills `params` when given.
bool matches(const Router::Route& route, std::string_view path, const Segments& parts,
             std::map<std::string, std::string>* params) {
  if (route.is_prefix) {
    if (!path.starts_with(route.pattern)) return false;
    if (params != nullptr) (*params)["*"] = std::string(path.substr(route.pattern.size()));
    return true;
  }
  if (parts.size() != route.segments.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = route.segments[i];
    if (segment.is_param) {
      if (parts[i].size() <= segment.suffix.size() || !parts[i].ends_with(segment.suffix)) return false;
    } else if (segment.text != parts[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& segment = route.segments[i];
      if (segment.is_param) {
        (*params)[segment.text] = std::string(parts[i].substr(0, parts[i].size() - segment.suffix.size()));
      }
    }
  }
  return true;
}

// Higher is more specific: exact routes beat prefixes (longer prefixes first), literal segments
// beat parameters with a suffix, which beat bare parameters ("/p/{id}.json" wins over "/p/{id}").
std::vector<int> route_rank(const Router::Route& route) {
  std::vector<int> out{route.is_prefix ? 0 : 1};
  if (route.is_prefix) out.push_back(static_cast<int>(route.pattern.size()));
  for (const auto& segment : route.segments) out.push_back(!segment.is_param ? 2 : segment.suffix.empty() ? 0 : 1);
  return out;
}

bool method_matches(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

}  // namespace

const Router::Route* Router::match(std::string_view method, std::string_view path, Request* request) const {
  const Segments parts = split_path(path);
  const Route* best = nullptr;
  bool best_exact_method = false;
  const auto consider = [&](const Route& route) {
    if (!method_matches(route.method, method) || !matches(route, path, parts, nullptr)) return;
    // An explicit HEAD route wins over the GET fallback.
    const bool exact_method = route.method == method;
    if (best == nullptr || route.rank > best->rank || (route.rank == best->rank && exact_method && !best_exact_method)) {
      best = &route;
      best_exact_method = exact_method;
    }
  };
  for (const Route* route : prefixes_) consider(*route);
  if (parts.size() < by_segment_count_.size()) {
    for (const Route* route : by_segment_count_[parts.size()]) consider(*route);
  }
  if (best != nullptr && request != nullptr) matches(*best, path, parts, &request->path_params);
  return best;
}

std::vector<std::string> Router::allowed_methods(std::string_view path) const {
  const Segments parts = split_path(path);
  std::vector<std::string> out;
  for (const auto& route : routes_) {
    if (!matches(*route, path, parts, nullptr)) continue;
    out.push_back(route->method);
    if (route->method == "GET") out.emplace_back("HEAD");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Response Router::not_routed(const Request& request) const {
  const auto allowed = allowed_methods(request.path);
  if (allowed.empty()) {
    return problem_response(
        request, 404, "Page not found",
        "If you typed the web address, check it is correct. If you pasted the web address, "
        "check you copied the entire address.",
        templates_);
  }
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  Response response =
      problem_response(request, 405, "Method not allowed",
                       fmt::format("{} is not allowed here; use {}.", request.method, allow), templates_);
  response.headers.emplace_back("Allow", allow);
  return response;
}

std::optional<Response> Router::dispatch(Request request,
                                         const std::function<Responder::Deliver()>& make_deliver) const {
  const Route* route = nullptr;
  try {
    route = match(request.method, request.path, &request);
    if (route == nullptr) return not_routed(request);
    if (route->handler) return route->handler(request);
  } catch (...) {
    return problem_response_for_current_exception(request, templates_);
  }
  std::optional<Responder> responder;
  try {
    responder.emplace(make_deliver(), request, templates_);
    route->async_handler(request, *responder);
  } catch (...) {
    // Thrown before the work was handed on: the usual problem answer, through the same path.
    Response problem = problem_response_for_current_exception(request, templates_);
    if (!responder) return problem;
    (*responder)(std::move(problem));
  }
  return std::nullopt;
}

Response Router::dispatch(Request request) const {
  // The waiting form: an async route's answer is collected through a promise.
  auto promise = std::make_shared<std::promise<Response>>();
  std::future<Response> answer = promise->get_future();
  std::optional<Response> now = dispatch(std::move(request), [&promise]() -> Responder::Deliver {
    return [promise](Response response) { promise->set_value(std::move(response)); };
  });
  if (now) return std::move(*now);
  return answer.get();
}

}  // namespace recall::http
