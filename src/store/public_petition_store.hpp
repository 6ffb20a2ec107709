#pragma once
// Storage for public "call a by-election" petitions (issue 5; docs/public-petitions.md section 2): the
// petitions and their thresholds, the signatures (UNIQUE (petition, canonical email) in the database),
// moderators' bulk invalidations and block list, and anonymisation after close.
//
// The domain types are core/public_petition's; what exists only in storage is declared here. Times
// are Unix seconds, UTC, as in the core (the tables keep them as "YYYY-MM-DDTHH:MM:SSZ" text).
//
// Built for the intake sequencer (section 3): signatures go in as one multi-row INSERT per chunk and
// confirmations as one UPDATE per chunk, inside the caller's transaction (Store::transaction), and
// every change that moves a count returns the CountChanges to apply to the petition's
// CountAggregator after COMMIT. A signature counts when it is confirmed and its standing is counted;
// count_by_constituency is that single definition as a GROUP BY.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/public_petition/block_list.hpp"
#include "core/public_petition/canonical_email.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "core/public_petition/invalidation.hpp"
#include "core/public_petition/ip_address.hpp"
#include "core/public_petition/petition_lifecycle.hpp"
#include "core/public_petition/signature_screening.hpp"

namespace recall {

// The SHA-256 of a token sent by link or email (the sponsor link, a confirmation): only the hash is
// stored, so the database alone cannot confirm or sponsor anything.
using TokenHash = std::array<std::uint8_t, 32>;

// A petition as stored: the core's PublicPetition (thresholds included) and what only storage keeps.
struct PublicPetitionRecord {
  public_petition::PublicPetition petition;
  std::optional<std::int64_t> moderated_by;          // the user who rejected or hid it
  std::optional<std::int64_t> creator_signature_id;  // the creator signs as the first supporter
  std::optional<std::int64_t> anonymised_at;         // personal data removed (section 6)

  bool operator==(const PublicPetitionRecord&) const = default;
};

// Keyset paging, newest first: the next page starts below the last id seen.
struct PetitionPage {
  std::optional<std::int64_t> before_id;
  int limit = 50;  // 1 to 1000
};

// A signature as the sequencer hands it over, after screening.
struct NewPublicSignature {
  std::int64_t petition_id = 0;
  std::string name;                     // cleaned, not empty
  public_petition::EmailAddress email;  // address, canonical key and lower-case domain
  std::string postcode;                 // normalised: "SW1A 1AA"
  std::optional<std::string> ons_code;  // none: the postcode is not in the directory (unallocated)
  public_petition::IpAddress ip;
  bool uk_resident = false;
  bool sponsor = false;                  // signed through the sponsor link
  public_petition::Screening screening;  // counted, or suspect and why
  TokenHash confirm_token_hash{};
  std::int64_t created_at = 0;
};

// One row of add_signatures, in input order: the new id, or none when the petition already has a
// signature with that canonical email (in the database or earlier in the same batch).
struct SignatureInsert {
  std::optional<std::int64_t> id;

  [[nodiscard]] bool duplicate() const { return !id; }
  bool operator==(const SignatureInsert&) const = default;
};

enum class PublicSignatureState { pending, confirmed, invalidated };
std::string_view to_string(PublicSignatureState state);  // "pending", "confirmed", "invalidated"

// A stored signature. The personal fields are none once the petition is anonymised.
struct PublicSignatureRecord {
  std::int64_t id = 0;
  std::int64_t petition_id = 0;
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> canonical_email;
  std::optional<std::string> postcode;
  std::optional<std::string> ons_code;  // kept after anonymising
  std::optional<public_petition::IpAddress> ip;
  std::optional<std::string> email_domain;
  bool uk_resident = false;
  bool sponsor = false;
  PublicSignatureState state = PublicSignatureState::pending;
  public_petition::Screening screening;
  std::optional<TokenHash> confirm_token_hash;  // none once confirmed
  std::int64_t created_at = 0;
  std::optional<std::int64_t> confirmed_at;
  std::optional<std::int64_t> invalidated_at;
  std::optional<std::int64_t> invalidation_id;

  [[nodiscard]] bool counts() const {
    return state == PublicSignatureState::confirmed &&
           screening.standing == public_petition::SignatureStanding::counted;
  }
  bool operator==(const PublicSignatureRecord&) const = default;
};

// A confirmation link read back (service/public_tokens.hpp): the signature it names and the SHA-256
// of its secret, which must equal the row's confirm_token_hash.
struct ConfirmToken {
  std::int64_t signature_id = 0;
  TokenHash hash{};
  auto operator<=>(const ConfirmToken&) const = default;
};

// A confirmation email a signing batch queued (migration 0014), to be written into the outbox by the
// delivery worker: the signature and its link's secret (service/public_tokens.hpp's ConfirmSecret).
using ConfirmLinkSecret = std::array<std::uint8_t, 24>;
struct QueuedConfirmation {
  std::int64_t signature_id = 0;
  ConfirmLinkSecret secret{};
  bool operator==(const QueuedConfirmation&) const = default;
};

// A queued confirmation taken to be written, with what its email says, read from its signature and
// petition at that moment.
struct ConfirmationToWrite {
  QueuedConfirmation link;
  std::int64_t queued_at = 0;  // Unix seconds
  std::int64_t petition_id = 0;
  std::string action;    // the petition's
  std::string to;        // the address as typed
  bool sponsor = false;  // signed through the sponsor link
  bool operator==(const ConfirmationToWrite&) const = default;
};

// One confirmation that took effect. `counts` is whether it adds one to its petition's count now
// (a suspect signature counts only once cleared).
struct ConfirmedSignature {
  std::int64_t id = 0;
  std::int64_t petition_id = 0;
  std::optional<std::string> ons_code;
  bool counts = false;
  bool sponsor = false;  // signed through the sponsor link: confirming makes them a sponsor

  // The change for the petition's CountAggregator ("" for unallocated).
  [[nodiscard]] public_petition::CountChange count_change() const { return {ons_code.value_or(""), +1}; }
  bool operator==(const ConfirmedSignature&) const = default;
};

// A page of canonical emails, for rebuilding the in-memory duplicate check at start.
struct SignatureEmail {
  std::int64_t id = 0;
  std::string canonical_email;

  bool operator==(const SignatureEmail&) const = default;
};

struct InvalidationRecord {
  std::int64_t id = 0;
  std::int64_t petition_id = 0;
  public_petition::InvalidationCriteria criteria;
  std::int64_t matched = 0;  // signatures struck out, pending or confirmed, counted or suspect
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;

  bool operator==(const InvalidationRecord&) const = default;
};

struct InvalidationResult {
  std::int64_t invalidation_id = 0;
  std::int64_t matched = 0;
  std::vector<public_petition::CountChange> changes;  // -1 for each signature that counted before
};

// A block list entry. `value` is kept in canonical text: "198.51.100.0/24", "*.example.com", the
// canonical email.
struct PublicBlock {
  std::int64_t id = 0;
  public_petition::BlockKind kind = public_petition::BlockKind::ip;
  std::string value;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;
  std::string note;

  bool operator==(const PublicBlock&) const = default;
};

struct AnonymisationResult {
  std::vector<std::int64_t> petition_ids;  // anonymised now, in id order
  std::int64_t signatures_anonymised = 0;  // rows whose personal columns were cleared
  std::int64_t pending_deleted = 0;        // never-confirmed rows removed
  std::int64_t unsent_emails_deleted = 0;  // queued confirmation emails removed
};

// A change another process made, for a running server to follow (public_changes, migration 0012).
struct PublicChange {
  std::int64_t seq = 0;
  std::string origin;                       // the process that made it
  std::optional<std::int64_t> petition_id;  // none: the block list
  std::int64_t at = 0;

  bool operator==(const PublicChange&) const = default;
};

class PublicPetitionStore {
 public:
  virtual ~PublicPetitionStore() = default;

  // --- Petitions ---

  // Stores a petition as the core built it (create_public_petition), its thresholds included, and
  // returns the new id (petition.id ignored). Error(conflict) if the sponsor token hash is in use.
  virtual std::int64_t create_petition(const public_petition::PublicPetition& petition,
                                       const TokenHash& sponsor_token_hash) = 0;
  virtual std::optional<PublicPetitionRecord> find_petition(std::int64_t id) = 0;
  virtual std::optional<PublicPetitionRecord> find_petition_by_sponsor_token(
      const TokenHash& sponsor_token_hash) = 0;
  // Petitions in `state`, newest first.
  virtual std::vector<PublicPetitionRecord> list_petitions(public_petition::PublicPetitionState state,
                                                           const PetitionPage& page) = 0;
  // Sponsored petitions waiting for a moderator, the longest-waiting first.
  virtual std::vector<PublicPetitionRecord> moderation_queue(int limit) = 0;
  // Saves a state change the core made (publish, reject, hide, close_if_due, the enough-sponsors
  // move): state, sponsored_at, opened_at, closes_at, closed_at and the moderation decision, with the
  // moderator. Compare-and-set: Error(conflict) unless the stored state is still `expected`, so two
  // moderators cannot both act; Error(not_found) for an unknown id.
  virtual void save_state(const public_petition::PublicPetition& petition,
                          public_petition::PublicPetitionState expected,
                          std::optional<std::int64_t> moderated_by) = 0;
  // One more sponsor, in one statement; returns the new count. Error(conflict) unless the petition
  // is collecting sponsors or sponsored; Error(not_found) for an unknown id.
  virtual int add_sponsor(std::int64_t petition_id) = 0;
  virtual void set_creator_signature(std::int64_t petition_id, std::int64_t signature_id) = 0;
  // Records that the count reached `signatures` at `at`, unless it was recorded before; returns the
  // time kept (the first). A threshold the petition did not have is added.
  virtual std::int64_t mark_threshold_reached(std::int64_t petition_id, std::int64_t signatures,
                                              std::int64_t at) = 0;
  // Closes every open petition whose closes_at <= now (closed_at = closes_at, as close_if_due);
  // returns their ids in id order.
  virtual std::vector<std::int64_t> close_due_petitions(std::int64_t now) = 0;

  // --- Signatures ---

  // Inserts the batch as one multi-row INSERT … ON CONFLICT (petition_id, canonical_email) DO NOTHING
  // per chunk, inside the caller's transaction if there is one (else its own). A duplicate is a
  // result, never an error, so a PostgreSQL transaction stays usable. Error(invalid_input) naming the
  // row (as the line) and the field for bad input, before anything is written.
  virtual std::vector<SignatureInsert> add_signatures(std::span<const NewPublicSignature> signatures) = 0;
  // add_signatures, with each new row's confirmation link queued as queue_confirmations would, the
  // secret at the row's index in `secrets` (a duplicate's is dropped): the intake's write of a batch.
  // PostgreSQL sends the batch in one round trip (with the transaction's BEGIN), and one statement a
  // 1,000 rows both inserts them and queues their links. Error(invalid_input) as add_signatures, or
  // naming "secrets" when there is not one a signature.
  virtual std::vector<SignatureInsert> add_signatures_and_links(
      std::span<const NewPublicSignature> signatures, std::span<const ConfirmLinkSecret> secrets,
      std::int64_t queued_at) = 0;
  // Confirms the pending signatures these tokens name, where the token's hash is the row's, at `at`,
  // and forgets the hashes. One result per token, in input order: none for an unknown signature, a
  // wrong or used token, or a signature invalidated while pending. So a signature is confirmed at
  // most once. Rows are found by id: no index on the hash is needed.
  virtual std::vector<std::optional<ConfirmedSignature>> confirm_signatures(std::span<const ConfirmToken> tokens,
                                                                            std::int64_t at) = 0;
  virtual std::optional<PublicSignatureRecord> find_signature(std::int64_t id) = 0;
  virtual std::optional<PublicSignatureRecord> find_signature_by_email(
      std::int64_t petition_id, const std::string& canonical_email) = 0;
  // Canonical emails of the petition's signatures with id > after_id, in id order, at most `limit`
  // (1 to 100,000): page until a short page to rebuild the FingerprintSet.
  virtual std::vector<SignatureEmail> canonical_emails(std::int64_t petition_id, std::int64_t after_id,
                                                       int limit) = 0;
  // Every signature row of the petition, any state (for FingerprintSet::reserve).
  virtual std::int64_t count_signatures(std::int64_t petition_id) = 0;
  // The petition's signatures with id > after_id, in id order, at most `limit` (1 to 100,000): the
  // recount reads every row with this, page by page.
  virtual std::vector<PublicSignatureRecord> list_signatures(std::int64_t petition_id, std::int64_t after_id,
                                                             int limit) = 0;
  // Gives a still-pending signature a new confirmation token (a repeat "sign" re-sends the email, and
  // only the hash of the old token was kept); false when it is not pending (confirmed, invalidated,
  // anonymised or unknown).
  virtual bool replace_confirm_token(std::int64_t signature_id, const TokenHash& confirm_token_hash) = 0;

  // --- Counts ---

  // The counted signatures (confirmed, standing counted) by constituency, "" for unallocated, by ONS
  // code: what CountAggregator::rebuild takes. The per-nation figures come from the aggregator.
  virtual std::vector<public_petition::ConstituencyCount> count_by_constituency(std::int64_t petition_id) = 0;

  // --- Moderation ---

  // Makes these suspect signatures of the petition counted (ids of other petitions, counted or
  // invalidated signatures are left alone); returns +1 for each one that counts now (confirmed).
  virtual std::vector<public_petition::CountChange> clear_suspects(std::int64_t petition_id,
                                                                   std::span<const std::int64_t> ids) = 0;
  virtual std::vector<public_petition::CountChange> clear_all_suspects(std::int64_t petition_id) = 0;
  // Strikes out every signature of the petition not yet invalidated that matches all the criteria
  // (the same rule as public_petition::matches), records the invalidation, and returns -1 for each
  // that counted before. Error(invalid_input) for empty criteria.
  virtual InvalidationResult invalidate(std::int64_t petition_id,
                                        const public_petition::InvalidationCriteria& criteria,
                                        std::int64_t at, std::optional<std::int64_t> by) = 0;
  virtual std::vector<InvalidationRecord> list_invalidations(std::int64_t petition_id) = 0;  // id order

  // Returns the new id; the value is checked and made canonical for its kind (Error(invalid_input)
  // naming "value"). Error(conflict) if the same entry is already there.
  virtual std::int64_t add_block(const PublicBlock& block) = 0;
  virtual bool remove_block(std::int64_t id) = 0;      // false if there was none
  virtual std::vector<PublicBlock> list_blocks() = 0;  // id order

  // --- Confirmation emails queued by signing batches (migration 0014) ---

  // Queues the emails as rows of at most 200, in the caller's transaction (or one of its own): one
  // small row a batch instead of an outbox row a signature. Error(invalid_input) names the entry (as
  // the line) of a signature id that is not positive.
  virtual void queue_confirmations(std::span<const QueuedConfirmation> confirmations, std::int64_t at) = 0;
  // Deletes up to `max_rows` of the oldest rows (1 to 1,000) and returns the emails still to write:
  // those whose signature is still pending with an email address, in the order queued. Call it in the
  // transaction that writes them into the outbox, so each is written once. On PostgreSQL rows that
  // another transaction has taken are skipped rather than waited for.
  virtual std::vector<ConfirmationToWrite> take_queued_confirmations(int max_rows) = 0;
  // How many rows wait.
  virtual std::int64_t queued_confirmation_rows() = 0;

  // --- Privacy ---

  // For each petition not yet anonymised that closed (closed_at), or was rejected or hidden
  // (moderated_at), at or before `cutoff`: in one transaction each, clears every signature's personal
  // columns, deletes its never-confirmed signatures and its unsent outbox messages
  // (OutboxMessage::public_petition_id), and sets anonymised_at = now. Counts are unchanged. Idempotent.
  virtual AnonymisationResult anonymise_closed_before(std::int64_t cutoff, std::int64_t now) = 0;

  // --- Changes, for the other processes on the same database ---

  // Takes the change log's lock for the rest of the caller's transaction (record_changes takes it too).
  // A transaction that changes other rows first takes it before them, so that two processes' changes
  // queue here instead of each holding a row the other waits for.
  virtual void hold_change_log() = 0;
  // Notes that `origin` changed these petitions (and the block list when `blocks`) at `at`: one row
  // each, in the caller's transaction (or one of its own). Rows commit in seq order, so a reader that
  // has seen a seq has seen every row before it. Error(invalid_input) for an empty origin.
  virtual void record_changes(const std::string& origin, std::span<const std::int64_t> petition_ids, bool blocks,
                              std::int64_t at) = 0;
  // The changes with seq > `after`, in seq order, at most `limit` (1 to 100,000).
  virtual std::vector<PublicChange> changes_after(std::int64_t after, int limit) = 0;
  // The newest seq, 0 when there is none.
  virtual std::int64_t last_change() = 0;
};

}  // namespace recall
