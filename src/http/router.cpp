#include "http/router.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "http/problem.hpp"

namespace recall::http {

struct Router::Route {
  struct Segment {
    std::string text;
    bool is_param = false;
  };
  std::string method;
  std::string pattern;
  std::vector<Segment> segments;
  bool is_prefix = false;  // matches every path below `pattern`
  Handler handler;
};

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
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

}  // namespace

Router::Router(const Templates* templates) : templates_(templates) {}

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw Error(ErrorKind::internal, fmt::format("route pattern '{}' must start with '/'", pattern));
  }
  if (!handler) throw Error(ErrorKind::internal, fmt::format("route {} {} has no handler", method, pattern));
  auto route = std::make_shared<Route>();
  route->method = std::move(method);
  route->pattern = std::string(pattern);
  route->handler = std::move(handler);
  for (const std::string_view segment : split_path(pattern)) {
    if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
      const std::string_view name = segment.substr(1, segment.size() - 2);
      if (name.empty() || name.find_first_of("{}/") != std::string_view::npos) {
        throw Error(ErrorKind::internal,
                    fmt::format("route pattern '{}' has a bad parameter '{}'", pattern, segment));
      }
      route->segments.push_back({std::string(name), true});
    } else {
      if (segment.find_first_of("{}") != std::string_view::npos) {
        throw Error(
            ErrorKind::internal,
            fmt::format("route pattern '{}': a parameter must be a whole segment ('{}')", pattern, segment));
      }
      route->segments.push_back({std::string(segment), false});
    }
  }
  for (const auto& existing : routes_) {
    if (existing->method == route->method && same_shape(existing.get(), route.get())) {
      throw Error(ErrorKind::internal, fmt::format("route {} {} is registered twice ('{}')", route->method,
                                                   pattern, existing->pattern));
    }
  }
  routes_.push_back(std::move(route));
}

namespace {

bool same_shape(const Router::Route* a, const Router::Route* b) {
  if (a->is_prefix != b->is_prefix || a->segments.size() != b->segments.size()) return false;
  for (std::size_t i = 0; i < a->segments.size(); ++i) {
    const auto& x = a->segments[i];
    const auto& y = b->segments[i];
    if (x.is_param != y.is_param || (!x.is_param && x.text != y.text)) return false;
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
  routes_.push_back(std::move(route));
}

namespace {

// Does `route` match `path`? Fills `params` when given.
bool matches(const Router::Route& route, std::string_view path, std::map<std::string, std::string>* params) {
  if (route.is_prefix) {
    if (!path.starts_with(route.pattern)) return false;
    if (params != nullptr) (*params)["*"] = std::string(path.substr(route.pattern.size()));
    return true;
  }
  const auto parts = split_path(path);
  if (parts.size() != route.segments.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = route.segments[i];
    if (segment.is_param) {
      if (parts[i].empty()) return false;
    } else if (segment.text != parts[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (route.segments[i].is_param) (*params)[route.segments[i].text] = std::string(parts[i]);
    }
  }
  return true;
}

// Higher is more specific: exact routes beat prefixes (longer prefixes first), literal segments
// beat parameters.
std::vector<int> route_rank(const Router::Route& route) {
  std::vector<int> out{route.is_prefix ? 0 : 1};
  if (route.is_prefix) out.push_back(static_cast<int>(route.pattern.size()));
  for (const auto& segment : route.segments) out.push_back(segment.is_param ? 0 : 1);
  return out;
}

bool method_matches(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

}  // namespace

const Router::Route* Router::match(std::string_view method, std::string_view path, Request* request) const {
  const Route* best = nullptr;
  std::vector<int> best_rank;
  for (const auto& route : routes_) {
    if (!method_matches(route->method, method) || !matches(*route, path, nullptr)) continue;
    // An explicit HEAD route wins over the GET fallback.
    std::vector<int> r = route_rank(*route);
    r.push_back(route->method == method ? 1 : 0);
    if (best == nullptr || r > best_rank) {
      best = route.get();
      best_rank = std::move(r);
    }
  }
  if (best != nullptr && request != nullptr) matches(*best, path, &request->path_params);
  return best;
}

std::vector<std::string> Router::allowed_methods(std::string_view path) const {
  std::vector<std::string> out;
  for (const auto& route : routes_) {
    if (!matches(*route, path, nullptr)) continue;
    out.push_back(route->method);
    if (route->method == "GET") out.emplace_back("HEAD");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Response Router::dispatch(Request request) const {
  try {
    const Route* route = match(request.method, request.path, &request);
    if (route != nullptr) return route->handler(request);
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
  } catch (...) {
    return problem_response_for_current_exception(request, templates_);
  }
}

}  // namespace recall::http
