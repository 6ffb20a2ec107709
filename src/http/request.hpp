#pragma once
// The server's own request and response values. Handlers are plain functions from Request to
// Response that never touch a socket (the Beast session owns the stream), so they are tested
// without a network.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recall::http {

// Decoded key/value pairs in the order given (a key may repeat: `party=lab&party=con`).
class Params {
 public:
  void add(std::string key, std::string value) { items_.emplace_back(std::move(key), std::move(value)); }
  [[nodiscard]] std::optional<std::string> get(std::string_view key) const;  // first value
  [[nodiscard]] std::vector<std::string> get_all(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return get(key).has_value(); }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method;                         // "GET", "POST", …
  std::string path;                           // decoded path without the query: "/mps/2017-E14000978"
  Params query;                               // from the query string
  Params form;                                // from an application/x-www-form-urlencoded body
  std::map<std::string, std::string> path_params;  // from the route pattern: {"id": "2017-E14000978"}
  std::map<std::string, std::string> headers;      // lower-cased names
  std::string body;
  std::string remote_address;

  [[nodiscard]] std::optional<std::string> header(std::string_view lower_name) const;
  // True for /api/… paths and for requests whose Accept header prefers JSON over HTML.
  [[nodiscard]] bool wants_json() const;
};

// The method, path, headers and peer of a request, without its body, query, form or parameters:
// what an answer given later needs to shape itself (a page or problem JSON, see problem.hpp).
[[nodiscard]] Request request_head(const Request& request);

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Cache-Control, ETag, Location…)
};

using Handler = std::function<Response(const Request&)>;

}  // namespace recall::http
