#include "cli/public_petition/server_counts.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace recall::cli {

namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

struct ServerAddress {
  std::string host;
  std::string port = "80";
  std::string prefix;  // "" or "/app", no trailing slash
};

[[noreturn]] void bad_server(const std::string& url, std::string_view why) {
  throw Error(ErrorKind::invalid_input, fmt::format("cannot use the server address \"{}\": {}", url, why),
              SourceLocation{"arguments", 0, 0, "--server"});
}

// http://host[:port][/prefix]. Plain HTTP only: the check runs beside the server, over loopback or
// the operator's own network, and TLS would add a dependency for no protection there.
ServerAddress parse_server_address(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) bad_server(url, "it must start with http:// (https is not supported here)");
  std::string_view rest = std::string_view(url).substr(scheme.size());
  ServerAddress address;
  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) {
    address.prefix = std::string(rest.substr(slash));
    while (!address.prefix.empty() && address.prefix.back() == '/') address.prefix.pop_back();
    if (address.prefix.find_first_of("?#") != std::string::npos) bad_server(url, "give the address without a query");
  }
  if (authority.empty()) bad_server(url, "it names no host");
  if (authority.front() == '[') {  // [::1]:8080
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) bad_server(url, "an IPv6 address needs its closing ]");
    address.host = std::string(authority.substr(1, close - 1));
    authority.remove_prefix(close + 1);
    if (!authority.empty() && authority.front() != ':') bad_server(url, "expected :port after the ]");
    if (!authority.empty()) address.port = std::string(authority.substr(1));
  } else {
    const std::size_t colon = authority.find(':');
    address.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) address.port = std::string(authority.substr(colon + 1));
  }
  if (address.host.empty()) bad_server(url, "it names no host");
  if (address.port.empty() || address.port.size() > 5 ||
      !std::all_of(address.port.begin(), address.port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::stoi(address.port) == 0 || std::stoi(address.port) > 65535) {
    bad_server(url, "the port must be a number from 1 to 65535");
  }
  return address;
}

[[noreturn]] void bad_body(const std::string& source, std::string_view why) {
  throw Error(ErrorKind::invalid_input, fmt::format("{} is not a count.json: {}", source, why),
              SourceLocation{source, 0, 0, "count.json"});
}

// A count.json body as ServerCounts (unallocated = the total less the constituencies); `source` names it in errors.
ServerCounts parse_count_json(const std::string& body, const std::string& source) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) bad_body(source, "the body is not a JSON object");
  if (!json.contains("signature_count") || !json.at("signature_count").is_number_integer()) {
    bad_body(source, "it has no whole-number signature_count");
  }
  if (!json.contains("signatures_by_constituency") || !json.at("signatures_by_constituency").is_array()) {
    bad_body(source, "it has no signatures_by_constituency list");
  }
  ServerCounts counts;
  counts.url = source;
  counts.total = json.at("signature_count").get<std::int64_t>();
  std::map<std::string, std::int64_t> by_code;  // sorted, as the store's GROUP BY is
  std::int64_t allocated = 0;
  for (const auto& row : json.at("signatures_by_constituency")) {
    if (!row.is_object() || !row.contains("ons_code") || !row.at("ons_code").is_string() ||
        !row.contains("signature_count") || !row.at("signature_count").is_number_integer()) {
      bad_body(source, "a signatures_by_constituency entry lacks ons_code or signature_count");
    }
    const auto signatures = row.at("signature_count").get<std::int64_t>();
    by_code[row.at("ons_code").get<std::string>()] += signatures;
    allocated += signatures;
  }
  if (counts.total != allocated) by_code[""] = counts.total - allocated;  // unallocated sorts first
  for (const auto& [code, signatures] : by_code) {
    if (signatures != 0) counts.by_constituency.push_back({code, signatures});
  }
  return counts;
}

}  // namespace

ServerCounts fetch_server_counts(const std::string& base, std::int64_t petition_id) {
  const ServerAddress address = parse_server_address(base);
  const std::string target = fmt::format("{}/public/petitions/{}/count.json", address.prefix, petition_id);
  const std::string url = fmt::format("http://{}:{}{}", address.host, address.port, target);
  const auto unreachable = [&](std::string_view why) -> Error {
    return Error(ErrorKind::unavailable, fmt::format("cannot read {}: {}", url, why));
  };
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, address.host);
  request.set(http::field::accept, "application/json");
  request.set(http::field::cache_control, "no-cache");
  request.set(http::field::connection, "close");
  http::response<http::string_body> response;
  beast::flat_buffer buffer;
  beast::error_code failure;
  try {
    const auto endpoints = tcp::resolver(io).resolve(address.host, address.port);
    // Asynchronous only so that one deadline covers the whole exchange: a stuck server must not
    // hang the check (Beast's timeouts apply to asynchronous operations).
    stream.expires_after(std::chrono::seconds(10));
    stream.async_connect(endpoints, [&](beast::error_code connected, const tcp::endpoint&) {
      if (connected) {
        failure = connected;
        return;
      }
      http::async_write(stream, request, [&](beast::error_code written, std::size_t) {
        if (written) {
          failure = written;
          return;
        }
        http::async_read(stream, buffer, response,
                         [&](beast::error_code read, std::size_t) { failure = read; });
      });
    });
    io.run();
  } catch (const boost::system::system_error& e) {  // the name does not resolve
    throw unreachable(e.code().message());
  }
  if (failure) throw unreachable(failure.message());
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  if (response.result() != http::status::ok) {
    throw unreachable(fmt::format("the server answered {} {}", response.result_int(),
                                  std::string(response.reason())));
  }
  return parse_count_json(response.body(), url);
}

}  // namespace recall::cli
