#pragma once
// The confirmation email of a public petition signature (issue 5): one link, to a page with a button
// (a mail scanner that follows links confirms nothing). The creator's and a sponsor's say what they
// are confirming. Each message names its petition, so anonymising the petition deletes it if unsent.
#include <cstdint>
#include <optional>
#include <string>

#include "store/petition_store.hpp"

namespace recall {

enum class ConfirmationKind { signer, creator, sponsor };

struct ConfirmationEmail {
  std::int64_t petition_id = 0;
  std::string action;    // the petition's one-line ask
  std::string to;        // the address as typed
  std::string token;     // the confirmation token (only its hash is stored)
  ConfirmationKind kind = ConfirmationKind::signer;
  std::string site_url;  // "https://example.org", no trailing slash needed
  std::optional<std::string> sponsor_token;  // the creator's email carries the link to share
};

// "{site_url}/public/petitions/{id}/confirm/{token}"
[[nodiscard]] std::string confirmation_link(const std::string& site_url, std::int64_t petition_id,
                                            const std::string& token);
// "{site_url}/public/petitions/{id}/sponsor/{token}"
[[nodiscard]] std::string sponsor_link(const std::string& site_url, std::int64_t petition_id,
                                       const std::string& token);

// Subject "Please confirm your signature"; due at once (`now` stamps created_at and next_attempt_at).
[[nodiscard]] OutboxMessage public_confirmation_email(const ConfirmationEmail& email, std::int64_t now);

}  // namespace recall
