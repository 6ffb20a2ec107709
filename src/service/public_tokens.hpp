#pragma once
// The tokens of public petitions' links, as unpadded base64url of 32 bytes (43 characters, the shape
// core/auth/token.hpp checks), of which only a SHA-256 is stored, so the database alone can neither
// confirm a signature nor sponsor a petition.
//
// - A sponsor link's token is 32 random bytes; the petition keeps the hash of the whole token.
// - A confirmation link's token is the signature's id (8 bytes, big-endian) and a secret of 24 random
//   bytes (192 bits); the row keeps the hash of the secret. A confirmation reads the row by id and
//   compares hashes, so no index on the hash is written with every signature of a surge.
#include <array>
#include <cstdint>
#include <optional>
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

// A confirmation link's secret, made before its row has an id: the hash goes in the row, the secret
// into the token once the INSERT has said the id.
struct ConfirmSecret {
  std::array<std::uint8_t, 24> secret{};
  TokenHash hash{};  // SHA-256 of `secret`
};
[[nodiscard]] ConfirmSecret issue_confirm_secret();
[[nodiscard]] std::string confirm_link_token(std::int64_t signature_id, const ConfirmSecret& secret);
// The signature a presented token names and its secret's hash; none for anything not of the shape.
[[nodiscard]] std::optional<ConfirmToken> read_confirm_link_token(std::string_view token);

}  // namespace recall
