#pragma once
// A signing sheet as the officer records it, whichever way it came in. One table holds them all with a
// UNIQUE (petition, elector) constraint in the database (DOMAIN.md s.12: signing twice is an offence).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recall {

enum class SigningChannel {
  in_person,        // at the elector's signing place, register marked by the clerk
  postal,           // a postal signing sheet returned with personal identifiers
  proxy_in_person,  // the elector's proxy at the elector's place
  proxy_postal,     // the proxy by post
  online,           // where the policy allows it (uk-change-of-party)
};
std::string_view to_string(SigningChannel channel);  // "in-person", "postal", "proxy-in-person", "proxy-postal", "online"
std::optional<SigningChannel> parse_signing_channel(std::string_view text);

// Statutory rejection categories first, then the others that apply.
enum class RejectionReason {
  want_of_official_mark,             // the sheet lacks the official mark
  unmarked_or_void_for_uncertainty,  // no mark, or cannot tell who signed
  identifiers_failed,                // postal: date of birth or signature does not match
  not_entitled,                      // not on the petition register, or under age at the close
  received_late,                     // after the signing period ended
};
std::string_view to_string(RejectionReason reason);   // "want-of-official-mark", "unmarked-or-void-for-uncertainty", ...
std::string_view describe(RejectionReason reason);    // "Want of an official mark"
std::optional<RejectionReason> parse_rejection_reason(std::string_view text);

struct SignatureSheet {
  std::int64_t id = 0;                  // assigned by the store
  std::int64_t petition_id = 0;
  // The elector the sheet is for. Empty only for sheets rejected as void for uncertainty, where nobody
  // can be identified (several such rows are allowed; UNIQUE ignores them).
  std::string elector_number;
  SigningChannel channel = SigningChannel::in_person;
  std::optional<std::int64_t> place_id;  // in person and proxy in person
  std::optional<RejectionReason> rejection;  // none: a valid signature
  std::string identity_evidence;        // in person: the ID shown ("passport", "driving-licence", ...)
  std::string proxy_name;               // proxy channels
  std::string proxy_address;
  bool official_mark = true;            // the sheet carries the official mark
  std::optional<bool> date_of_birth_matched;  // postal identifiers; none when not checked
  std::optional<bool> signature_matched;
  std::string receipt;                  // online: the receipt code given to the elector; else empty
  std::optional<std::int64_t> recorded_by;  // user id; none for the system (online) or the CLI
  std::string recorded_at;              // "YYYY-MM-DDTHH:MM:SSZ"
  std::string received_on;              // local date the sheet was signed or received, "YYYY-MM-DD"
  bool operator==(const SignatureSheet&) const = default;
};

// A refused attempt to sign again (s.12), kept for the officer; never shown to the public.
struct DoubleSigningAttempt {
  std::int64_t id = 0;
  std::int64_t petition_id = 0;
  std::string elector_number;
  SigningChannel channel = SigningChannel::in_person;
  std::optional<std::int64_t> place_id;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_at;
  bool operator==(const DoubleSigningAttempt&) const = default;
};

}  // namespace recall
