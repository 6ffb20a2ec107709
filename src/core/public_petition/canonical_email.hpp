#pragma once
// Email addresses as signers type them, and the canonical form that decides "one signature per
// person per petition": lower-cased, a "+tag" dropped from the local part, and for Gmail (which
// ignores dots, and answers for googlemail.com too) the dots dropped and the domain made gmail.com.
// So "Jo.Bloggs+petition@GoogleMail.com" and "jobloggs@gmail.com" are one signer. The database's
// unique index on (petition, canonical email) is the rule; this only computes the key.
//
// The shape accepted is deliberately plain (what mail providers hand out): an ASCII local part of
// letters, digits and !#$%&'*+/=?^_`{|}~.- without leading, trailing or doubled dots, and a
// domain of at least two dot-separated labels of letters, digits and hyphens. Quoted local parts
// and address literals are refused; internationalised domains must be given in their xn-- form.
#include <string>
#include <string_view>

namespace recall::public_petition {

struct EmailAddress {
  std::string address;    // as typed, trimmed: where the confirmation email goes
  std::string canonical;  // the dedup key: "jobloggs@gmail.com"
  std::string domain;     // lower-cased domain as typed ("googlemail.com"): block lists and bulk invalidation

  bool operator==(const EmailAddress&) const = default;
};

// Throws Error(invalid_input) naming `field` and saying what is wrong ("has no @", "the domain
// \"example\" has no dot", ...).
EmailAddress parse_email_address(std::string_view typed, std::string_view field = "email");

// parse_email_address(typed).canonical.
std::string canonical_email(std::string_view typed);

}  // namespace recall::public_petition
