#include "http_url/url.hpp"

#include <vector>

#include <fmt/format.h>

namespace recall::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

SourceLocation at(const SourceLocation& where, std::size_t offset) {
  SourceLocation out = where;
  out.line = 1;
  out.column = where.column + static_cast<int>(offset);
  return out;
}

std::string describe_field(const SourceLocation& where) {
  if (where.field.empty()) return where.file.empty() ? std::string("input") : where.file;
  return fmt::format("{} parameter '{}'", where.file, where.field);
}

// Returns the offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF are malformed), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned lower = 0x80;
    unsigned upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) lower = 0xA0;
      if (b == 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) lower = 0x90;
      if (b == 0xF4) upper = 0x8F;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      const unsigned lo = k == 1 ? lower : 0x80;
      const unsigned hi = k == 1 ? upper : 0xBF;
      if (c < lo || c > hi) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_as_space, const SourceLocation& where) {
  std::string out;
  out.reserve(text.size());
  // Raw offsets of decoded bytes, so a UTF-8 error can point into the original text.
  std::vector<std::size_t> origin;
  origin.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        throw_invalid(fmt::format("{}: incomplete percent escape '{}' (expected '%' and two hex digits)",
                                  describe_field(where), text.substr(i)),
                      at(where, i));
      }
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) {
        throw_invalid(fmt::format("{}: bad percent escape '{}' (expected '%' and two hex digits)",
                                  describe_field(where), text.substr(i, 3)),
                      at(where, i));
      }
      const char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') {
        throw_invalid(fmt::format("{}: NUL characters (%00) are not allowed", describe_field(where)),
                      at(where, i));
      }
      out.push_back(decoded);
      origin.push_back(i);
      i += 2;
    } else if (c == '\0') {
      throw_invalid(fmt::format("{}: NUL characters are not allowed", describe_field(where)), at(where, i));
    } else {
      out.push_back(plus_as_space && c == '+' ? ' ' : c);
      origin.push_back(i);
    }
  }
  if (const auto bad = invalid_utf8_at(out); bad != std::string_view::npos) {
    throw_invalid(fmt::format("{}: not valid UTF-8", describe_field(where)), at(where, origin[bad]));
  }
  return out;
}

namespace {

Params parse_pairs(std::string_view text, std::string_view source) {
  Params params;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = text.substr(start, end - start);
    if (!piece.empty()) {
      const std::size_t eq = piece.find('=');
      const std::string_view raw_key = piece.substr(0, eq);
      const std::string_view raw_value =
          eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
      SourceLocation where{std::string(source), 1, static_cast<int>(start) + 1, std::string(raw_key)};
      std::string key = percent_decode(raw_key, true, where);
      where.field = key;
      where.column = static_cast<int>(start + (eq == std::string_view::npos ? piece.size() : eq + 1)) + 1;
      std::string value = percent_decode(raw_value, true, where);
      params.add(std::move(key), std::move(value));
    }
    start = end + 1;
  }
  return params;
}

}  // namespace

Params parse_query(std::string_view query, std::string_view source) { return parse_pairs(query, source); }

Params parse_form(std::string_view body) { return parse_pairs(body, "form"); }

Target parse_target(std::string_view target) {
  const SourceLocation where{"request target", 1, 1, ""};
  if (target.empty()) throw_invalid("the request target is empty", where);
  if (target.front() != '/') {
    throw_invalid(fmt::format("the request target must start with '/', not '{}'", target.substr(0, 1)),
                  where);
  }
  for (std::size_t i = 0; i < target.size(); ++i) {
    const auto c = static_cast<unsigned char>(target[i]);
    if (c <= 0x20 || c == 0x7F) {
      throw_invalid(fmt::format("the request target has a control character or space (byte 0x{:02X})", c),
                    at(where, i));
    }
  }
  Target out;
  const std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  // A fragment is never sent by a client; if one arrives it is not part of the resource.
  if (question == std::string_view::npos) {
    raw_path = raw_path.substr(0, raw_path.find('#'));
  } else {
    std::string_view query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    out.raw_query = std::string(query);
  }
  out.path = percent_decode(raw_path, false, SourceLocation{"path", 1, 1, ""});
  out.query = parse_query(out.raw_query, "query");
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                            b == '-' || b == '.' || b == '_' || b == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(digits[b >> 4]);
      out.push_back(digits[b & 0x0F]);
    }
  }
  return out;
}

}  // namespace recall::http
