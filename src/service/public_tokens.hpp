#pragma once
// The tokens of public petitions' links (the sponsor link, a confirmation email): 32 random bytes as
// unpadded base64url, of which only the SHA-256 is stored, so the database alone can neither confirm
// a signature nor sponsor a petition.
#include <string>
#include <string_view>

#include "store/public_petition_store.hpp"

namespace recall {

struct IssuedToken {
  std::string token;  // goes in the link, never stored
  TokenHash hash;     // what the store keeps
};

[[nodiscard]] IssuedToken issue_link_token();
// The SHA-256 of whatever was presented; junk simply matches nothing.
[[nodiscard]] TokenHash hash_link_token(std::string_view token);

}  // namespace recall
