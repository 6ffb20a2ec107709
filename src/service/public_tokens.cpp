#include "service/public_tokens.hpp"

#include <algorithm>
#include <tuple>

#include <sodium.h>

#include "core/auth/sodium_init.hpp"
#include "core/auth/token.hpp"

namespace recall {

namespace {

constexpr int base64_variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t id_bytes = 8;
using ConfirmBytes = std::array<unsigned char, id_bytes + std::tuple_size_v<decltype(ConfirmSecret::secret)>>;
static_assert(std::tuple_size_v<ConfirmBytes> == token_bytes, "a confirmation token has a sponsor token's shape");

TokenHash sha256(const unsigned char* bytes, std::size_t size) {
  ensure_sodium();
  TokenHash hash{};
  crypto_hash_sha256(hash.data(), bytes, size);
  return hash;
}

}  // namespace

IssuedToken issue_link_token() {
  IssuedToken issued;
  issued.token = new_random_token();
  issued.hash = hash_link_token(issued.token);
  return issued;
}

TokenHash hash_link_token(std::string_view token) {
  return sha256(reinterpret_cast<const unsigned char*>(token.data()), token.size());
}

ConfirmSecret issue_confirm_secret() {
  ensure_sodium();
  ConfirmSecret issued;
  randombytes_buf(issued.secret.data(), issued.secret.size());
  issued.hash = sha256(issued.secret.data(), issued.secret.size());
  return issued;
}

std::string confirm_link_token(std::int64_t signature_id, const ConfirmSecret& secret) {
  ConfirmBytes bytes{};
  const auto id = static_cast<std::uint64_t>(signature_id);
  for (std::size_t i = 0; i < id_bytes; ++i) bytes[i] = static_cast<unsigned char>(id >> (8 * (id_bytes - 1 - i)));
  std::copy(secret.secret.begin(), secret.secret.end(), bytes.begin() + id_bytes);
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), base64_variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), base64_variant);
  out.resize(out.find('\0'));  // the encoded length counts the terminating NUL
  sodium_memzero(bytes.data(), bytes.size());
  return out;
}

std::optional<ConfirmToken> read_confirm_link_token(std::string_view token) {
  if (!looks_like_token(token)) return std::nullopt;
  ensure_sodium();
  ConfirmBytes bytes{};
  std::size_t decoded = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), token.data(), token.size(), nullptr, &decoded, nullptr,
                        base64_variant) != 0 ||
      decoded != bytes.size()) {
    return std::nullopt;
  }
  std::uint64_t id = 0;
  for (std::size_t i = 0; i < id_bytes; ++i) id = (id << 8) | bytes[i];
  ConfirmToken read;
  read.signature_id = static_cast<std::int64_t>(id);
  read.hash = sha256(bytes.data() + id_bytes, bytes.size() - id_bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return read;
}

}  // namespace recall
