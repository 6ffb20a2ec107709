#include "core/ledger/note_text.hpp"

#include <fmt/format.h>

#include <optional>

#include "core/base/error.hpp"

namespace recall::ledger {

namespace {

// Decodes the code point at text[at] and advances at; nullopt for anything but shortest-form
// UTF-8 of a scalar value (no overlong forms, no surrogates, nothing above U+10FFFF).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(at);
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    ++at;
    return lead;
  } else if ((lead & 0xe0) == 0xc0) {
    length = 2;
    value = lead & 0x1fu;
    minimum = 0x80;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
    value = lead & 0x0fu;
    minimum = 0x800;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
    value = lead & 0x07u;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (at + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const std::uint8_t continuation = byte(at + i);
    if ((continuation & 0xc0) != 0x80) return std::nullopt;
    value = (value << 6) | (continuation & 0x3fu);
  }
  if (value < minimum || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return std::nullopt;
  at += length;
  return value;
}

// The white space of Unicode (White_Space property), as Go's unicode.IsSpace sees it.
bool is_unicode_space(char32_t c) noexcept {
  switch (c) {
    case U'\t': case U'\n': case U'\v': case U'\f': case U'\r': case U' ':
    case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200a;
  }
}

// Why name is not a valid key name, or nullopt if it is.
std::optional<std::string> key_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  for (std::size_t at = 0; at < name.size();) {
    const std::size_t start = at;
    const auto c = next_code_point(name, at);
    if (!c) return fmt::format("is not valid UTF-8 at byte {}", start);
    if (is_unicode_space(*c)) return fmt::format("contains white space at byte {}", start);
    if (*c == U'+') return fmt::format("contains '+' at byte {}", start);
  }
  return std::nullopt;
}

}  // namespace

bool is_valid_key_name(std::string_view name) { return !key_name_problem(name).has_value(); }

void check_key_name(std::string_view name, std::string_view what) {
  if (const auto problem = key_name_problem(name)) {
    throw_invalid(fmt::format("{} name \"{}\" {}", what, name, *problem));
  }
}

void check_note_text(std::string_view text, std::string_view file) {
  if (text.empty()) throw_invalid("note text is empty", SourceLocation{std::string(file), 1, 1, {}});
  int line = 1;
  int column = 1;
  for (std::size_t at = 0; at < text.size();) {
    const auto c = next_code_point(text, at);
    if (!c) throw_invalid("note text is not valid UTF-8", SourceLocation{std::string(file), line, column, {}});
    if (*c == U'\n') {
      ++line;
      column = 1;
      continue;
    }
    if (*c < 0x20 || *c == 0x7f) {
      throw_invalid(fmt::format("note text contains control character U+{:04X}", static_cast<std::uint32_t>(*c)),
                    SourceLocation{std::string(file), line, column, {}});
    }
    ++column;
  }
  if (text.back() != '\n') {
    throw_invalid("note text does not end with a newline", SourceLocation{std::string(file), line, column, {}});
  }
}

}  // namespace recall::ledger
