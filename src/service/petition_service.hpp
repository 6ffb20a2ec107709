#pragma once
// Every step of a statutory petition, for the web and the command line alike: the same checks,
// the same transactions, the same audit entries. Handlers and commands parse input and render output;
// they never touch the petition tables or decide the law themselves.
//
// Secrecy (DOMAIN.md "Secrecy", s.12): until the public notice is given (phase `declared`), nothing
// this service returns to anyone tells how many have signed or whether a given person has signed,
// except `clerk_lookup` to a clerk at the elector's own signing place, and the postal team's outcome
// for the sheet in front of them. Counts are computed only by `run_count`, after the close.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/clock.hpp"
#include "core/auth/login_rate_limiter.hpp"
#include "core/parliament/parliament.hpp"
#include "core/petition/petition.hpp"
#include "core/ledger/note_key.hpp"
#include "core/petition/petition_register.hpp"
#include "core/petition/receipt.hpp"
#include "core/petition/signature.hpp"
#include "core/petition/signing_place.hpp"
#include "core/rules/policy_set.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"
#include "verify/published_petition.hpp"

namespace recall {

struct OpenPetitionRequest {
  std::string ons_code;
  std::string policy_id;          // must allow `condition`
  std::string condition;          // ConditionKind wire name
  std::string condition_detail;   // free text for notices
  Date notice;                    // the Speaker's notice
  TimetableOverrides overrides;   // earlier designated day, bank-holiday setting
  std::string override_reason;    // required (field "override_reason") when any override is set
  std::optional<std::string> member_id;  // default: the constituency's MP on the notice day
};

// What anyone may see of a petition at any time. Never holds a count before `declared`.
struct PublicPetition {
  Petition petition;              // with `count` cleared unless declared
  PetitionPhase phase;
  long signatures_required = 0;   // the signature-requirement notice: ceil(eligible now / 10), from the register, not from signatures
  long eligible_at_requirement = 0;  // the register figure that requirement was computed from
  std::vector<SigningPlace> places;
};

struct ClerkElector {
  PetitionElector elector;        // as on the petition register
  std::int64_t place_id = 0;      // the elector's allocated place
  bool at_this_place = false;     // the clerk's place is the elector's place
  // Only when at_this_place: whether the register is already marked for this elector.
  std::optional<bool> already_marked;
};

enum class InPersonOutcome {
  signed_petition,     // recorded; the sheet gets its official mark
  already_signed,      // refused (only said at the elector's own place); an attempt is recorded
  wrong_place,         // refused: the elector's place is another (any earlier signature is not revealed)
  not_entitled,        // refused: not on the petition register, or under 18 at the close
  place_closed,        // refused: outside the place's hours, a closure day, or outside the signing period
  no_proxy,            // refused: a proxy signed for an elector with no proxy appointed
};
std::string_view to_string(InPersonOutcome outcome);  // "signed", "already-signed", "wrong-place", ...

struct InPersonRequest {
  std::int64_t petition_id = 0;
  std::int64_t place_id = 0;       // the clerk's place
  std::string elector_number;
  std::string identity_evidence;   // required: "passport", "driving-licence", ... (field "identity_evidence")
  std::string proxy_name;          // set when a proxy signs; then proxy_address is required too
  std::string proxy_address;
};

// The clerk gives the elector the receipt (printed, and its code written down) whatever the outcome
// of a sheet that was recorded; refusals that record no sheet have none.
struct InPersonResult {
  InPersonOutcome outcome = InPersonOutcome::signed_petition;
  std::optional<Receipt> receipt;  // set for signed_petition only
};

struct PostalReturnRequest {
  std::int64_t petition_id = 0;
  std::string elector_number;      // empty only with void_for_uncertainty
  bool official_mark = true;
  bool void_for_uncertainty = false;  // unmarked, or cannot tell who signed
  bool date_of_birth_matched = true;
  bool signature_matched = true;
  Date received_on;                // local date the sheet arrived
};

struct PostalReturnResult {
  bool accepted = false;
  std::optional<RejectionReason> rejection;
  bool double_signing = false;     // refused: a sheet already counts for this elector (attempt recorded)
  // For the sheet's leaf when an elector is named on it (accepted or rejected), to be posted to the
  // elector; none for a sheet void for uncertainty or a refused second sheet.
  std::optional<Receipt> receipt;
};

// The public face of a petition's ledger (ARCHITECTURE.md "The ledger"). Sealed while the policy seals
// running totals and the petition is not declared, and for ever after a termination (no count is ever
// made then): a sealed ledger shows its origin and nothing else, not even its size.
struct LedgerStatus {
  std::int64_t petition_id = 0;
  std::string origin;                          // "<key name>/petitions/<id>"
  bool sealed = true;
  std::optional<StoredCheckpoint> checkpoint;  // the latest published; nullopt while sealed or before any
  bool leaves_published = false;               // the export can be downloaded (declared petitions)
};

struct ElectorNotice {              // one printable poll-card-like notice (s.7), never for overseas electors
  PetitionElector elector;
  SigningPlace place;
};

class PetitionService {
 public:
  // `clock` gives Unix seconds; local time in the constituency is derived with uk_local_time.
  PetitionService(Store& store, const Parliament& parliament, const PolicySet& policies, Clock clock);

  // --- Opening (manage_petition) -------------------------------------------------------------
  // Computes the timetable from the policy and overrides, uses the constituency's latest imported
  // register (Error(conflict) if none), issues postal sheets to every standing postal and postal-proxy
  // voter on the petition register, and audits "petition.open". Errors name the request field.
  Petition open_petition(const Actor& actor, const OpenPetitionRequest& request);

  std::optional<PublicPetition> public_petition(std::int64_t id);
  std::vector<PublicPetition> public_petitions();
  // Staff and officer view (manage_petition, or any staff duty, or observe_proceedings): the petition
  // as stored, with `count` only once counted, and to the officer only until declared.
  Petition petition_for_staff(const Actor& actor, std::int64_t id);

  // --- Signing places (manage_petition) --------------------------------------------------------
  // At most the policy's maximum (Error(conflict)); hours checked with check_opening_hours.
  // Adding or removing a place re-runs the default allocation for districts not yet moved by hand.
  std::int64_t add_place(const Actor& actor, const SigningPlace& place);
  void update_place(const Actor& actor, const SigningPlace& place);
  std::vector<SigningPlace> places(std::int64_t petition_id);
  Allocation allocation(const Actor& actor, std::int64_t petition_id);
  void move_district(const Actor& actor, std::int64_t petition_id, const std::string& district, std::int64_t place_id);
  // Every elector except overseas electors, in elector-number order, with their place.
  std::vector<ElectorNotice> elector_notices(const Actor& actor, std::int64_t petition_id);

  // --- Signing (mark_register_in_person / record_postal_signature / issue_postal_votes) ----------
  std::vector<ClerkElector> clerk_lookup(const Actor& actor, std::int64_t petition_id, std::int64_t place_id,
                                         const std::string& elector_number_or_surname, const std::string& postcode);
  InPersonResult sign_in_person(const Actor& actor, const InPersonRequest& request);
  // A postal sheet for a new applicant, up to 17:00 on the 11th working day before the last signing day
  // (Error(conflict) after it, or if one was issued already).
  void issue_postal_sheet(const Actor& actor, std::int64_t petition_id, const std::string& elector_number);
  std::vector<PostalIssue> postal_issues(const Actor& actor, std::int64_t petition_id);
  PostalReturnResult record_postal_return(const Actor& actor, const PostalReturnRequest& request);

  // --- Close, count, declaration ------------------------------------------------------------
  // s.13 (manage_petition): only while awaiting signing or signing.
  void terminate(const Actor& actor, std::int64_t petition_id, const Termination& termination);
  // run_count: only in phase `closed` and not terminated. Computes and stores the Declaration.
  Declaration run_count(const Actor& actor, std::int64_t petition_id);
  void record_speaker_notified(const Actor& actor, std::int64_t petition_id);  // phase counted -> speaker_notified
  // Gives public notice (phase speaker_notified -> declared); on success records the vacancy and opens
  // a by-election for the constituency in the same transaction.
  Declaration declare(const Actor& actor, std::int64_t petition_id);
  // The public notice: nullopt until declared.
  std::optional<Declaration> declared_result(std::int64_t petition_id);

  // --- Online signing (policy setting online_signing) -----------------------------------------
  // Always answers the same way whatever the details (so it reveals nothing): if elector number, date
  // of birth and postcode match an entitled elector, a six-digit code is emailed to `email` through the
  // outbox (valid 15 minutes). Error(conflict) outside the signing period or if the policy has no online signing.
  void request_online_code(std::int64_t petition_id, const std::string& elector_number, Date date_of_birth,
                           const std::string& postcode, const std::string& email, const std::string& remote_address);
  struct OnlineReceipt {
    std::string receipt;   // receipt_code(nonce) without hyphens, shown and emailed to the elector
    std::string signed_at;
    Receipt ledger;        // the leaf, for the downloadable receipt file
  };
  // Error(invalid_input) on a wrong or expired code (five failures burn it). A second signature by the same
  // elector is refused with Error(conflict) "already signed" only to someone who has just proved who they are.
  OnlineReceipt confirm_online_code(std::int64_t petition_id, const std::string& elector_number, const std::string& code);

  // --- Ledger (issue 4) -------------------------------------------------------------------------
  // Every signing event is appended to the petition's log inside the step's own transaction (leaves in
  // core/petition/ledger_leaf.hpp). With a key, a checkpoint is signed at most every
  // `checkpoint_interval_seconds` while the log grows, and a final one when the count freezes the log;
  // without a key no checkpoint is made (and nothing can be exported). The key's name is the origin's
  // first part.
  void use_ledger_key(const ledger::SignerKey& key);
  [[nodiscard]] std::optional<std::string> ledger_verifier_key() const;  // encode_verifier_key; nullopt without a key
  static constexpr std::int64_t checkpoint_interval_seconds = 5;

  LedgerStatus ledger_status(std::int64_t petition_id);               // Error(not_found)
  std::vector<StoredCheckpoint> published_checkpoints(std::int64_t petition_id);  // empty while sealed
  // The receipt whose nonce this is, with its inclusion proof to the latest published checkpoint;
  // nullopt when no leaf has that nonce. Error(conflict) while sealed, whatever the nonce (the answer
  // must not tell whether someone signed).
  std::optional<ReceiptFile> receipt_with_proof(std::int64_t petition_id, const ReceiptNonce& nonce);
  // Between two published sizes: Error(conflict) while sealed, Error(invalid_input) naming "old_size"
  // or "new_size" for a size beyond the latest published checkpoint or old > new.
  std::vector<ledger::Hash> consistency_proof(std::int64_t petition_id, std::uint64_t old_size, std::uint64_t new_size);
  // What `recall petition export` writes and the server offers for download: declared petitions only
  // (Error(conflict) naming the phase otherwise, or when there is no key to sign the final checkpoint).
  PublishedPetition published_petition(std::int64_t petition_id);

  // --- Audit (read_audit_log) -----------------------------------------------------------------
  // The audit log without sheet-recording entries of petitions not yet declared (they would reveal a count).
  std::vector<AuditEntry> audit_entries(const Actor& actor);

  [[nodiscard]] LocalDateTime now_local() const;

 private:
  std::shared_ptr<const PetitionRegister> register_for(const Petition& petition);
  // The register figure behind the signature-requirement notice (eligible on the day that notice is
  // due), computed once per petition with its register.
  long eligible_at_requirement(const Petition& petition);
  void forget_register(std::int64_t petition_id);  // after a termination moves the close

  Store& store_;
  const Parliament& parliament_;
  const PolicySet& policies_;
  Clock clock_;
  // Online code requests, counted per petition and elector number as typed and per remote address
  // (petition_service_online.cpp): ten in 15 minutes each, whether or not the details match anyone.
  LoginRateLimiter online_code_requests_{clock_, RateLimits{10, 15 * 60}};
  std::mutex registers_mutex_;
  std::map<std::int64_t, std::shared_ptr<const PetitionRegister>> registers_;
  std::map<std::int64_t, long> requirement_eligible_;
  std::optional<ledger::SignerKey> ledger_key_;
};

}  // namespace recall
