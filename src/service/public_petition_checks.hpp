#pragma once
// What the public petition service's files share: checking what a signer typed (each problem names
// its form field), the audit target of a petition, and the moderator's permission. Internal to
// src/service.
#include <cstdint>
#include <string>

#include "core/public_petition/canonical_email.hpp"
#include "service/actor.hpp"
#include "service/public_petition_service.hpp"

namespace recall::public_checks {

struct CheckedSigner {
  std::string name;
  public_petition::EmailAddress email;
  std::string postcode;  // normalised
};

// Error(invalid_input) naming "name", "email", "postcode" or "uk_resident".
CheckedSigner check_signer(const SignerForm& form);

std::string target_of(std::int64_t petition_id);  // "public-petition/7"

// Error(unauthenticated) for the public, Error(forbidden) for a role without moderate_public_petitions.
void require_moderator(const Actor& actor);

}  // namespace recall::public_checks
