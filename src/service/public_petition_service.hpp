#pragma once
// Public "call a by-election" petitions (issue 5; docs/public-petitions.md): creating, sponsoring,
// moderating, signing and confirming, counts, recount, anonymisation. Every page, the JSON API and
// the CLI go through this class, so the rules live in one place.
//
// Signing and confirming are the hot path. They are asynchronous: the request goes to the intake
// sequencer (service/public_intake.hpp), which writes whole batches in one transaction each (group
// commit) on its own store connection, and calls `done` on its writer thread only after COMMIT has
// returned. So an acknowledged signature is durable whatever happens next (kill -9 included); and
// counts in memory (CountAggregator) move only after the change is on disk. Duplicate checks are
// answered from memory (FingerprintSet), the database's unique index staying the rule.
//
// Counts are read from memory (`counts`), never from a query on the request path, so a surge of
// readers costs nothing per read beyond a copy.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/auth/clock.hpp"
#include "core/parliament/parliament.hpp"
#include "core/public_petition/block_list.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "core/public_petition/invalidation.hpp"
#include "core/public_petition/ip_address.hpp"
#include "core/public_petition/moderation_reason.hpp"
#include "core/public_petition/petition_lifecycle.hpp"
#include "core/public_petition/signing_rate_limiter.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace recall {

class PublicIntake;  // service/public_intake.hpp

struct PublicPetitionConfig {
  public_petition::PetitionRules rules;            // sponsors needed, months open, thresholds
  public_petition::SigningRateLimits rate_limits;  // per address: burst and sustained
  int anonymise_after_months = 6;                  // personal data removed this long after close
  std::string site_url = "http://127.0.0.1:8080";  // the links in emails: site_url + "/public/petitions/{id}/confirm/{token}"
  std::size_t max_batch = 2000;                    // rows per group commit, bounding latency
  // At most how long the writer waits for a small batch to fill while requests keep coming: a batch
  // of a few rows costs the database nearly what a full one does. Zero: never wait.
  // service/public_intake.cpp, PublicIntake::gather.
  std::chrono::microseconds gather{2000};
  // Reverse proxies whose X-Forwarded-For is believed (core/public_petition/client_address.hpp);
  // empty: the connection's peer is the signer.
  std::vector<public_petition::CidrRange> trusted_proxies;
  // How often the intake looks for changes other processes made (a moderator's command at the
  // command line) and reloads what they touched.
  std::chrono::milliseconds follow_every{1000};
};

// What a signer types. Checked by the service (Error(invalid_input) naming the form field: "name",
// "email", "postcode", "uk_resident").
struct SignerForm {
  std::string name;
  std::string email;
  std::string postcode;
  bool uk_resident = false;
};

// What a creator types: the petition text, an optional target (member id or ONS code, "" for none)
// and the creator's own signature (the creator is the first supporter).
struct NewPetitionForm {
  std::string action;
  std::string background;
  std::string details;
  std::string member_id;
  std::string ons_code;
  SignerForm creator;
};

struct CreatedPetition {
  std::int64_t id = 0;
  std::string sponsor_token;  // for the shared link: site_url + "/public/petitions/{id}/sponsor/{token}"
};

enum class SignOutcome {
  pending,         // stored (or already there: the same answer, so nobody learns who has signed);
                   // a confirmation email is queued either way
  closed,          // the petition does not take signatures now (not open, closed, hidden)
  not_found,       // no such petition
  unavailable,     // the batch's commit failed: nothing was stored, try again (HTTP 503 Retry-After)
};
std::string_view to_string(SignOutcome outcome);  // "pending", "closed", "not-found", "unavailable"

struct SignRequest {
  std::int64_t petition_id = 0;
  SignerForm form;
  public_petition::IpAddress ip;   // the signer's address (the peer, or the trusted proxy's header)
  std::string sponsor_token;       // non-empty when signing through the sponsor link
};

enum class ConfirmOutcome {
  confirmed,   // this request confirmed it
  unknown,     // no pending signature has this token (wrong, used, invalidated or anonymised)
  unavailable, // the commit failed; try again
};
std::string_view to_string(ConfirmOutcome outcome);  // "confirmed", "unknown", "unavailable"

struct ConfirmResult {
  ConfirmOutcome outcome = ConfirmOutcome::unknown;
  std::int64_t petition_id = 0;  // when confirmed
};

// The counts as served: the aggregator's snapshot plus when it last changed (Last-Modified).
struct PetitionCounts {
  public_petition::CountSnapshot snapshot;
  std::int64_t updated_at = 0;   // Unix seconds of the last applied change (or the rebuild at start)
  std::uint64_t generation = 0;  // differs between process starts, so ETags from before a restart differ
};

// Which counts a reader would get, without copying them: a cache of what was served before checks
// this first and takes `counts` only when the version moved.
struct CountsStamp {
  std::int64_t total = 0;
  std::uint64_t version = 0;
  std::uint64_t generation = 0;
};

// The outcome of a recount: the counts held in memory, the counts from the store's GROUP BY, and
// the counts from reading every signature row with the core's rule; drift when any two differ.
struct RecountReport {
  std::int64_t petition_id = 0;
  std::vector<public_petition::ConstituencyCount> in_memory;  // by ONS code, "" unallocated
  std::vector<public_petition::ConstituencyCount> grouped;    // count_by_constituency
  std::vector<public_petition::ConstituencyCount> scanned;    // every row, counts() per row
  bool drift = false;
  bool repaired = false;  // memory rebuilt from the store, thresholds marked
};

struct BlockImport {
  std::int64_t added = 0;
  std::int64_t already_blocked = 0;
};

class PublicPetitionService {
 public:
  // `store` serves reads and moderators' steps; `intake_store` is the sequencer's own connection
  // (the same database), so a commit in progress never blocks a page. A `signing_store`, a third
  // connection, lets the sequencer write a second batch of signatures at once (worth it on
  // PostgreSQL, whose transactions run side by side; service/public_intake.hpp). All must outlive the
  // service.
  PublicPetitionService(Store& store, Store& intake_store, const Parliament& parliament, Clock clock,
                        PublicPetitionConfig config = {}, Store* signing_store = nullptr);
  ~PublicPetitionService();  // stops the sequencer; requests not yet committed get `unavailable`
  PublicPetitionService(const PublicPetitionService&) = delete;
  PublicPetitionService& operator=(const PublicPetitionService&) = delete;

  // Closes due petitions, rebuilds every open or sponsor-collecting petition's duplicate check and
  // counts from the store, and starts the writer thread. Call once, before serving.
  void start();
  void stop();  // idempotent

  [[nodiscard]] const PublicPetitionConfig& config() const { return config_; }

  // --- Creating and sponsoring ---

  // Checks text, target and the creator's details, stores the petition (collecting sponsors) and the
  // creator's pending signature, and queues the creator's confirmation email.
  CreatedPetition create(const NewPetitionForm& form, const public_petition::IpAddress& ip);
  std::optional<PublicPetitionRecord> find(std::int64_t id);
  // The petition whose sponsor link carries this token, if any.
  std::optional<PublicPetitionRecord> find_by_sponsor_token(std::int64_t id, const std::string& token);
  std::vector<PublicPetitionRecord> list(public_petition::PublicPetitionState state, const PetitionPage& page);

  // --- Signing (the hot path; `done` runs on the writer thread, after COMMIT) ---

  // A sponsor (sponsor_token set) confirming their signature counts as a sponsor; the one that
  // reaches rules.sponsors_needed sends the petition to moderation.
  void sign(SignRequest request, std::function<void(SignOutcome)> done);
  void confirm(std::string token, std::function<void(ConfirmResult)> done);
  // The same, waiting (the CLI and tests).
  SignOutcome sign_and_wait(SignRequest request);
  ConfirmResult confirm_and_wait(std::string token);

  // --- Counts (from memory) ---

  // None for an unknown petition or one that is not public (collecting sponsors, sponsored, hidden).
  std::optional<PetitionCounts> counts(std::int64_t petition_id);
  // The same condition, the total and version only (cheap: no copy of the constituencies).
  std::optional<CountsStamp> counts_stamp(std::int64_t petition_id);
  // This process in the store's change log (PublicPetitionStore::record_changes), for a change made
  // in a transaction of its own rather than through the service (a command's block import).
  [[nodiscard]] const std::string& change_origin() const;
  // Group commits so far: by the sequencer's writer, and by its second signing connection if any.
  [[nodiscard]] std::pair<std::uint64_t, std::uint64_t> batches_committed() const;

  // --- Moderation (Role::moderator; each step audited) ---

  std::vector<PublicPetitionRecord> moderation_queue(const Actor& actor, int limit = 100);
  void publish(std::int64_t id, const Actor& actor);
  void reject(std::int64_t id, public_petition::ModerationReason reason, const std::string& note,
              const Actor& actor);
  void hide(std::int64_t id, public_petition::ModerationReason reason, const std::string& note,
            const Actor& actor);
  // Counts follow after COMMIT.
  InvalidationResult invalidate(std::int64_t id, const public_petition::InvalidationForm& form,
                                const Actor& actor);
  std::int64_t clear_suspects(std::int64_t id, const std::vector<std::int64_t>& signature_ids,
                              const Actor& actor);  // empty ids: every suspect; returns how many now count
  std::int64_t add_block(public_petition::BlockKind kind, const std::string& value, const std::string& note,
                         const Actor& actor);
  // A block-list file's entries (public_petition::parse_block_entries) as ONE step: all or none, an
  // audit entry each (public-petition.block.add, naming `file` and the line). Entries already blocked
  // are skipped, so importing the same file again changes nothing. A value the store refuses fails
  // the whole import with Error naming `file`, the line and the kind.
  BlockImport import_blocks(const std::vector<public_petition::BlockEntry>& entries, const std::string& note,
                            const std::string& file, const Actor& actor);
  bool remove_block(std::int64_t block_id, const Actor& actor);
  std::vector<PublicBlock> blocks(const Actor& actor);
  std::vector<InvalidationRecord> invalidations(std::int64_t id, const Actor& actor);

  // --- Upkeep ---

  RecountReport recount(std::int64_t id, bool repair, const Actor& actor);
  std::vector<std::int64_t> close_due();  // closes petitions past their period; counts stay readable
  AnonymisationResult anonymise_due();    // closed/rejected/hidden more than anonymise_after_months ago

 private:
  // A moderator's decision on a petition's state (publish, reject, hide): one step on the writer that
  // applies `decision` (which returns the audit detail), saves the state and writes the audit entry.
  using Decision = std::function<nlohmann::json(public_petition::PublicPetition&, std::int64_t now)>;
  void decide(std::int64_t id, const Actor& actor, std::string_view action, const Decision& decision);

  Store& store_;
  const Parliament& parliament_;
  Clock clock_;
  PublicPetitionConfig config_;
  std::unique_ptr<PublicIntake> intake_;
};

}  // namespace recall
