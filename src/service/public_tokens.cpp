#include "service/public_tokens.hpp"

#include <sodium.h>

#include "core/auth/sodium_init.hpp"
#include "core/auth/token.hpp"

namespace recall {

IssuedToken issue_link_token() {
  IssuedToken issued;
  issued.token = new_random_token();
  issued.hash = hash_link_token(issued.token);
  return issued;
}

TokenHash hash_link_token(std::string_view token) {
  ensure_sodium();
  TokenHash hash{};
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return hash;
}

}  // namespace recall
