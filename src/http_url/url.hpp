#pragma once
// Parsing of what arrives in a request line and a form body. Boost 1.74 has no Boost.URL, so the
// request target, query strings and x-www-form-urlencoded bodies are decoded here by hand. Every
// function throws recall::Error (invalid_input) naming the parameter and the byte offset of the
// fault, so a bad link gives the user a 400 that says what was wrong.
#include <string>
#include <string_view>

#include "core/base/error.hpp"
#include "http/request.hpp"

namespace recall::http {

// A request target ("origin-form": /path?query) split and decoded.
struct Target {
  std::string path;       // percent-decoded; '+' stays '+' in a path
  std::string raw_query;  // as sent, without the '?' (empty when there is none)
  Params query;           // decoded pairs of raw_query
};

// Decodes %XX escapes (and '+' as a space when plus_as_space). Rejects a truncated or non-hex
// escape, a decoded NUL and a result that is not UTF-8. `where` names the input and field and gives
// the column of text[0] (line 1); an error's column points at the offending byte.
std::string percent_decode(std::string_view text, bool plus_as_space, const SourceLocation& where);

// Splits "a=1&b=2" into decoded pairs; a key without '=' has an empty value, empty pieces
// ("a=1&&b=2") are skipped. `source` becomes SourceLocation::file in errors ("query" or "form").
Params parse_query(std::string_view query, std::string_view source = "query");

// An application/x-www-form-urlencoded body: the same grammar as a query string.
Params parse_form(std::string_view body);

// Parses an origin-form request target. Rejects an empty target, one not starting with '/',
// control characters and bad escapes. Guarding files against ".." is left to the code that
// touches files (see static_files.hpp).
Target parse_target(std::string_view target);

// Encodes everything but RFC 3986 unreserved characters, for building links and redirects.
std::string percent_encode(std::string_view text);

}  // namespace recall::http
