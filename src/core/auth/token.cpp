#include "core/auth/token.hpp"

#include <sodium.h>

#include <array>

#include "core/auth/sodium_init.hpp"

namespace recall {

namespace {

constexpr int base64_variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

}  // namespace

std::string new_random_token() {
  ensure_sodium();
  std::array<unsigned char, token_bytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(token_bytes, base64_variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), base64_variant);
  out.resize(out.find('\0'));  // the encoded length counts the terminating NUL
  sodium_memzero(bytes.data(), bytes.size());
  return out;
}

std::string token_hash(std::string_view token) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool looks_like_token(std::string_view text) noexcept {
  if (text.size() != 43) return false;  // ceil(32 * 4 / 3) characters without padding
  for (char c : text) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;  // token lengths are public, so this leaks nothing
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace recall
