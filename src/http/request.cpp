#include "http/request.hpp"

#include <cctype>
#include <cstdlib>

namespace recall::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The q value of one media range ("text/html;level=1;q=0.5" -> 0.5); malformed q counts as 0.
double quality(std::string_view params) {
  std::size_t pos = 0;
  while (pos < params.size()) {
    std::size_t end = params.find(';', pos);
    if (end == std::string_view::npos) end = params.size();
    const std::string_view param = trim(params.substr(pos, end - pos));
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      const std::string value(param.substr(2));
      char* stop = nullptr;
      const double q = std::strtod(value.c_str(), &stop);
      if (stop == value.c_str() || *stop != '\0' || q < 0 || q > 1) return 0;
      return q;
    }
    pos = end + 1;
  }
  return 1;
}

// How well `range` ("application/*") matches `type` ("application/json"): -1 = not at all,
// higher = more specific, so the most specific range decides as RFC 9110 12.5.1 says.
int specificity(std::string_view range, std::string_view type) {
  if (range == type) return 2;
  if (range == "*/*") return 0;
  const std::size_t slash = type.find('/');
  if (range.size() == slash + 2 && range.substr(0, slash + 1) == type.substr(0, slash + 1) &&
      range.back() == '*') {
    return 1;
  }
  return -1;
}

double accepted_quality(std::string_view accept, std::string_view type) {
  int best_specificity = -1;
  double best_q = 0;
  std::size_t pos = 0;
  while (pos <= accept.size()) {
    std::size_t end = accept.find(',', pos);
    if (end == std::string_view::npos) end = accept.size();
    const std::string_view item = trim(accept.substr(pos, end - pos));
    const std::size_t semicolon = item.find(';');
    const std::string range = lower(trim(item.substr(0, semicolon)));
    const int s = specificity(range, type);
    if (s > best_specificity) {
      best_specificity = s;
      best_q = semicolon == std::string_view::npos ? 1.0 : quality(item.substr(semicolon + 1));
    }
    pos = end + 1;
  }
  return best_q;
}

}  // namespace

Request request_head(const Request& request) {
  Request out;
  out.method = request.method;
  out.path = request.path;
  out.headers = request.headers;
  out.remote_address = request.remote_address;
  return out;
}

std::optional<std::string> Request::header(std::string_view lower_name) const {
  const auto it = headers.find(std::string(lower_name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

bool Request::wants_json() const {
  if (path == "/api" || path.starts_with("/api/")) return true;
  const auto accept = header("accept");
  if (!accept) return false;
  return accepted_quality(*accept, "application/json") > accepted_quality(*accept, "text/html");
}

}  // namespace recall::http
