#include "core/auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/auth/sodium_init.hpp"
#include "core/base/error.hpp"

namespace recall {

namespace {

const SourceLocation password_field{"", 0, 0, "password"};

std::size_t count_code_points(std::string_view text) {
  // Continuation bytes are 10xxxxxx; every other byte starts a character.
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

void check_password_rules(std::string_view password, std::string_view email) {
  const std::size_t length = count_code_points(password);
  if (length < min_password_length) {
    throw_invalid(fmt::format("the password is too short: {} characters, at least {} are needed", length,
                              min_password_length),
                  password_field);
  }
  if (length > max_password_length) {
    throw_invalid(fmt::format("the password is too long: at most {} characters", max_password_length),
                  password_field);
  }
  const std::string_view local_part = email.substr(0, email.find('@'));
  if (!email.empty() && (equal_ignoring_case(password, email) || equal_ignoring_case(password, local_part))) {
    throw_invalid("the password must not be the email address", password_field);
  }
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw Error(ErrorKind::unavailable, "not enough memory to hash the password");
  }
  return out;
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& stored_hash) {
  ensure_sodium();
  // 1 = other limits, -1 = not an argon2id string at all: both mean "hash it again at next login".
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

}  // namespace recall
