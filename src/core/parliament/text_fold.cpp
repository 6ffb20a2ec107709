#include "core/parliament/text_fold.hpp"

#include <cstdint>

namespace recall {

namespace {

// ASCII spellings of U+00C0..U+00FF; an empty entry is a symbol (× ÷), which separates words.
constexpr const char* latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A (U+0100..U+017F) by ranges of one base letter.
struct Range {
  char32_t first;
  char32_t last;
  const char* ascii;
};
constexpr Range extended_a[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};

// Decodes one UTF-8 sequence at `i`; returns U+FFFD and advances one byte on malformed input.
char32_t decode(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int extra = 0;
  char32_t code = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    code = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    code = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    code = lead & 0x07u;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    code = (code << 6) | (next & 0x3Fu);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return code;
}

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t code = decode(utf8, i);
    if (code == '\'' || code == 0x2019 || code == 0x2018) continue;  // O'Brien and OBrien alike
    if ((code >= 'a' && code <= 'z') || (code >= '0' && code <= '9')) {
      emit(std::string(1, static_cast<char>(code)));
    } else if (code >= 'A' && code <= 'Z') {
      emit(std::string(1, static_cast<char>(code - 'A' + 'a')));
    } else if (code >= 0xC0 && code <= 0xFF) {
      const char* ascii = latin1[code - 0xC0];
      if (*ascii) {
        emit(ascii);
      } else {
        pending_space = true;
      }
    } else if (code >= 0x100 && code <= 0x17F) {
      for (const auto& range : extended_a) {
        if (code >= range.first && code <= range.last) {
          emit(range.ascii);
          break;
        }
      }
    } else if (code < 0x80 || code == 0xFFFD || (code >= 0x80 && code < 0xC0) || (code >= 0x2000 && code < 0x2070)) {
      pending_space = true;  // punctuation, spaces and symbols separate words
    } else {
      std::string piece;
      append_utf8(piece, code);
      emit(piece);
    }
  }
  return out;
}

}  // namespace recall
