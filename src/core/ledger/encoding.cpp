#include "core/ledger/encoding.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::ledger {

namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";
constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string to_hex(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(hex_digits[b >> 4]);
    out.push_back(hex_digits[b & 0x0f]);
  }
  return out;
}

std::vector<std::uint8_t> from_hex(std::string_view text) {
  if (text.size() % 2 != 0) {
    throw_invalid(fmt::format("hex string has odd length {}", text.size()));
  }
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int high = hex_value(text[i]);
    const int low = hex_value(text[i + 1]);
    if (high < 0 || low < 0) {
      const std::size_t bad = high < 0 ? i : i + 1;
      throw_invalid(fmt::format("hex string has a non-hex character at offset {}", bad));
    }
    out.push_back(static_cast<std::uint8_t>((high << 4) | low));
  }
  return out;
}

std::string to_base64(ByteView bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    out.push_back(base64_alphabet[(group >> 18) & 0x3f]);
    out.push_back(base64_alphabet[(group >> 12) & 0x3f]);
    out.push_back(base64_alphabet[(group >> 6) & 0x3f]);
    out.push_back(base64_alphabet[group & 0x3f]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t group = std::uint32_t{bytes[i]} << 16;
    out.push_back(base64_alphabet[(group >> 18) & 0x3f]);
    out.push_back(base64_alphabet[(group >> 12) & 0x3f]);
    out.append("==");
  } else if (rest == 2) {
    const std::uint32_t group = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8);
    out.push_back(base64_alphabet[(group >> 18) & 0x3f]);
    out.push_back(base64_alphabet[(group >> 12) & 0x3f]);
    out.push_back(base64_alphabet[(group >> 6) & 0x3f]);
    out.push_back('=');
  }
  return out;
}

std::vector<std::uint8_t> from_base64(std::string_view text) {
  if (text.size() % 4 != 0) {
    throw_invalid(fmt::format("base64 text has length {}, not a multiple of 4", text.size()));
  }
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = 1;
  if (text.size() >= 2 && text[text.size() - 2] == '=') padding = 2;
  if (padding == 2 && text.back() != '=') {
    throw_invalid("base64 text has '=' before its last character");
  }
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last_group = i + 4 == text.size();
    const std::size_t digits = last_group ? 4 - padding : 4;
    std::uint32_t group = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      group <<= 6;
      if (j >= digits) continue;
      const int value = base64_value(text[i + j]);
      if (value < 0) {
        throw_invalid(fmt::format("base64 text has an invalid character at offset {}", i + j));
      }
      group |= static_cast<std::uint32_t>(value);
    }
    out.push_back(static_cast<std::uint8_t>(group >> 16));
    if (digits >= 3) out.push_back(static_cast<std::uint8_t>(group >> 8));
    if (digits == 4) out.push_back(static_cast<std::uint8_t>(group));
    // Bits beyond the last whole byte must be zero, or two texts would decode to the same bytes.
    const std::uint32_t unused_mask = digits == 2 ? 0xffffu : digits == 3 ? 0xffu : 0u;
    if ((group & unused_mask) != 0) {
      throw_invalid(fmt::format("base64 text is not canonical: unused bits set at offset {}", i + digits - 1));
    }
  }
  return out;
}

}  // namespace recall::ledger
