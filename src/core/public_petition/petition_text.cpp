#include "core/public_petition/petition_text.hpp"

#include <cstdint>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

SourceLocation form_field(std::string_view field, std::size_t column = 0) {
  return SourceLocation{"form", 0, static_cast<int>(column), std::string(field)};
}

// One step of strict UTF-8 decoding (RFC 3629): no overlong forms, no surrogates, nothing past
// U+10FFFF. Returns the code point and advances `at`, or nullopt at a malformed sequence.
std::optional<char32_t> decode_one(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) {
    ++at;
    return lead;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, smallest = 0x10000;
  } else {
    return std::nullopt;
  }
  if (at + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(at + i);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (next & 0x3Fu);
  }
  if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  at += length;
  return value;
}

std::vector<char32_t> decode(std::string_view utf8, std::string_view field) {
  std::vector<char32_t> out;
  out.reserve(utf8.size());
  std::size_t at = 0;
  while (at < utf8.size()) {
    const auto code_point = decode_one(utf8, at);
    if (!code_point) {
      throw_invalid(fmt::format("{} is not valid UTF-8 (after {} characters)", field.empty() ? "text" : field,
                                out.size()),
                    form_field(field, out.size() + 1));
    }
    out.push_back(*code_point);
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\n' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

// C0 and C1 controls, and the bidirectional embeddings, overrides and isolates that can make a
// petition read differently from what moderators approved.
bool is_forbidden(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::string describe_character(char32_t c) {
  if (c == U'\n') return "a line break";
  return fmt::format("the control character U+{:04X}", static_cast<std::uint32_t>(c));
}

}  // namespace

std::size_t count_code_points(std::string_view utf8, std::string_view field) {
  return decode(utf8, field).size();
}

std::string clean_text_field(std::string_view utf8, std::string_view field, bool multi_line) {
  const std::vector<char32_t> typed = decode(utf8, field);
  std::vector<char32_t> cleaned;
  cleaned.reserve(typed.size());
  for (std::size_t i = 0; i < typed.size(); ++i) {
    char32_t c = typed[i];
    if (c == U'\t') c = U' ';
    if (c == U'\r') {  // "\r\n" and a lone "\r" both end a line
      if (i + 1 < typed.size() && typed[i + 1] == U'\n') ++i;
      c = U'\n';
    }
    if ((c == U'\n' && !multi_line) || (c != U'\n' && is_forbidden(c))) {
      throw_invalid(fmt::format("{} may not contain {} (character {})", field, describe_character(c), i + 1),
                    form_field(field, i + 1));
    }
    cleaned.push_back(c);
  }
  std::size_t first = 0;
  std::size_t last = cleaned.size();
  while (first < last && is_space(cleaned[first])) ++first;
  while (last > first && is_space(cleaned[last - 1])) --last;
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = first; i < last; ++i) append_utf8(out, cleaned[i]);
  return out;
}

namespace {

std::string checked_field(std::string_view typed, std::string_view field, std::size_t limit, bool required,
                          bool multi_line) {
  std::string text = clean_text_field(typed, field, multi_line);
  if (required && text.empty()) throw_invalid(fmt::format("{} is required", field), form_field(field));
  const std::size_t length = count_code_points(text, field);
  if (length > limit) {
    throw_invalid(fmt::format("{} is {} characters long; the limit is {}", field, length, limit),
                  form_field(field, limit + 1));
  }
  return text;
}

}  // namespace

PetitionText validate_petition_text(const PetitionText& typed, const PetitionTextLimits& limits) {
  return PetitionText{
      checked_field(typed.action, "action", limits.action, true, false),
      checked_field(typed.background, "background", limits.background, true, true),
      checked_field(typed.details, "details", limits.details, false, true),
  };
}

}  // namespace recall::public_petition
