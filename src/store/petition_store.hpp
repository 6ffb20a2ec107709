#pragma once
// Storage for statutory petitions: the petition and its recorded steps, signing places and the
// allocation of polling districts, postal sheets issued, the signing sheets (one table for every
// channel, UNIQUE (petition, elector) in the database), refused double-signing attempts, and the
// by-election opened after a successful petition.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/petition/petition.hpp"
#include "core/petition/signature.hpp"
#include "core/petition/signing_place.hpp"

namespace recall {

// A postal (or postal-proxy) signing sheet sent to an elector.
struct PostalIssue {
  std::int64_t id = 0;
  std::int64_t petition_id = 0;
  std::string elector_number;
  bool to_proxy = false;       // sent to the elector's proxy (absent vote "Z")
  std::string reason;          // "standing-postal-vote" | "application"
  std::string issued_at;       // "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<std::int64_t> issued_by;
  bool operator==(const PostalIssue&) const = default;
};

struct ByElection {
  std::int64_t id = 0;
  std::string ons_code;
  std::int64_t petition_id = 0;
  std::string vacancy_at;      // when the seat became vacant: the petition's declared_at
  std::string status = "vacancy";  // "vacancy" until a writ is recorded (elections issue)
  bool operator==(const ByElection&) const = default;
};

class PetitionStore {
 public:
  virtual ~PetitionStore() = default;

  // Returns the new id (petition.id ignored). Error(conflict) when the constituency already has a
  // petition that is not declared (s.5(3): one under way at a time).
  virtual std::int64_t create_petition(const Petition& petition) = 0;
  virtual std::optional<Petition> find_petition(std::int64_t id) = 0;
  virtual std::vector<Petition> list_petitions() = 0;  // id order
  // The steps after opening; each Error(not_found) for an unknown id. Callers check the phase first.
  virtual void set_termination(std::int64_t id, const Termination& termination) = 0;
  virtual void set_count(std::int64_t id, const Declaration& count, const std::string& counted_at) = 0;
  virtual void set_speaker_notified(std::int64_t id, const std::string& at) = 0;
  virtual void set_declared(std::int64_t id, const std::string& at) = 0;

  // Signing places. add returns the new id; update replaces name, address, postcode and hours.
  virtual std::int64_t add_place(const SigningPlace& place) = 0;
  virtual void update_place(const SigningPlace& place) = 0;  // Error(not_found)
  virtual std::vector<SigningPlace> list_places(std::int64_t petition_id) = 0;  // id order
  // Replaces the whole allocation for the petition.
  virtual void set_allocation(std::int64_t petition_id, const Allocation& allocation) = 0;
  virtual Allocation load_allocation(std::int64_t petition_id) = 0;

  // Error(conflict) if a sheet is already issued to that elector for the petition.
  virtual std::int64_t add_postal_issue(const PostalIssue& issue) = 0;
  virtual std::vector<PostalIssue> list_postal_issues(std::int64_t petition_id) = 0;
  virtual std::optional<PostalIssue> find_postal_issue(std::int64_t petition_id, const std::string& elector_number) = 0;

  // Inserts the sheet; the database's UNIQUE (petition_id, elector_number) decides a second one, which
  // throws Error(conflict) and inserts nothing. Returns the new id.
  virtual std::int64_t add_signature(const SignatureSheet& sheet) = 0;
  virtual std::optional<SignatureSheet> find_signature(std::int64_t petition_id, const std::string& elector_number) = 0;
  virtual std::vector<SignatureSheet> list_signatures(std::int64_t petition_id) = 0;  // id order
  virtual std::int64_t add_double_signing_attempt(const DoubleSigningAttempt& attempt) = 0;
  // Records the attempt only if a sheet already counts for the elector, in ONE statement whose cost
  // does not depend on the answer: a clerk at the wrong place must not learn from the response time
  // whether the elector has signed elsewhere. Returns nothing, so callers cannot branch on it.
  virtual void add_double_signing_attempt_if_signed(const DoubleSigningAttempt& attempt) = 0;
  virtual std::vector<DoubleSigningAttempt> list_double_signing_attempts(std::int64_t petition_id) = 0;

  virtual std::int64_t add_by_election(const ByElection& by_election) = 0;
  virtual std::vector<ByElection> list_by_elections() = 0;
};

// Email that must not be lost: written in the same transaction as what caused it, sent by a worker
// that retries with back-off until the SMTP server accepts it.
struct OutboxMessage {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;              // text/plain, UTF-8
  std::string created_at;        // "YYYY-MM-DDTHH:MM:SSZ"
  std::int64_t next_attempt_at = 0;  // Unix seconds
  int attempts = 0;
  std::string last_error;
  std::optional<std::string> sent_at;
  // The public petition the message is about (a confirmation email), so anonymising the petition
  // deletes it if still unsent; none for everything else.
  std::optional<std::int64_t> public_petition_id;
  bool operator==(const OutboxMessage&) const = default;
};

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;
  virtual std::int64_t enqueue(const OutboxMessage& message) = 0;
  // The same for many, as few multi-row INSERTs (the intake sequencer's confirmation emails, inside
  // its batch transaction). Every message is checked before anything is written; Error(invalid_input)
  // names the message (as the line) and the field.
  virtual void enqueue_batch(std::span<const OutboxMessage> messages) = 0;
  // Unsent messages with next_attempt_at <= now, oldest first, at most `limit`.
  virtual std::vector<OutboxMessage> due(std::int64_t now, int limit) = 0;
  virtual void mark_sent(std::int64_t id, const std::string& sent_at) = 0;
  virtual void mark_failed(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) = 0;
  virtual std::vector<OutboxMessage> list_outbox() = 0;  // id order
};

// One-time codes for online signing, kept only as a hash.
struct OneTimeCode {
  std::int64_t petition_id = 0;
  std::string elector_number;
  std::string code_hash;         // SHA-256 hex of the code
  std::string email;
  std::int64_t expires_at = 0;   // Unix seconds
  int failed_attempts = 0;
  bool operator==(const OneTimeCode&) const = default;
};

class OneTimeCodeStore {
 public:
  virtual ~OneTimeCodeStore() = default;
  // Replaces any earlier code for the same petition and elector.
  virtual void put_code(const OneTimeCode& code) = 0;
  virtual std::optional<OneTimeCode> find_code(std::int64_t petition_id, const std::string& elector_number) = 0;
  virtual void record_failed_attempt(std::int64_t petition_id, const std::string& elector_number) = 0;
  virtual void delete_code(std::int64_t petition_id, const std::string& elector_number) = 0;
};

}  // namespace recall
