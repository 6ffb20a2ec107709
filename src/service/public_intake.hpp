#pragma once
// The intake sequencer of public petitions (docs/public-petitions.md section 3): one writer thread
// that owns every change to public petitions, so memory and disk move together.
//
// Sign and confirm requests queue in memory. The writer takes what is queued (up to max_batch, and
// about half when a fixed set of clients keeps it busy: service/batch_share.hpp; when fewer than a
// batch's worth are queued, it first waits a moment for more while they keep coming: `gather`) and
// writes it as ONE transaction on its own store connection: the signatures as multi-row INSERTs, their
// confirmation emails as one queued row of links (service/public_confirmation_mail.hpp; the delivery
// worker writes them into the outbox), the confirmations as a few UPDATEs, sponsors
// counted. Only after COMMIT does it move the counts in memory and call each request's `done`; so
// while one batch commits the next fills, and under a surge one fsync carries hundreds of signatures.
// If the commit fails, the batch's fingerprints are forgotten and every request in it is answered
// `unavailable`: nothing was acknowledged, so nothing is lost.
//
// Moderators' steps and petition creation also run on the writer (`run`), each as a transaction of
// its own between batches, so a petition's state, its sponsors and its counts never race a batch.
//
// On PostgreSQL a second thread, on a second connection, writes batches of new signatures only
// (`signing_store`), so one batch's rows go in while the other's COMMIT waits for its fsync and the
// database's work spreads over two cores. Signatures only: they change no petition row and no count
// (they are pending), so the two batches never touch the same row. Everything that changes a
// petition or its counts (confirmations, sponsors, steps, following other processes) stays on the
// writer, and a step or a follow waits until the second thread's batch in hand is committed and it
// takes no other: no batch screened before a moderator's step is still uncommitted while it runs.
//
// The duplicate check (FingerprintSet, SipHash key random per process), the block list, the rate
// limiter and the re-send times are screening state: changed only by the writers, under
// `screening_mutex_`. The petitions and their CountAggregators are read by any thread (`counts`,
// `petition_state`).
//
// Other processes on the same database (a moderator's command at the command line) change petitions
// behind the writer's back. Every step notes what it changed in the store's change log, in its own
// transaction and under this process's origin; about once a second (`follow_every`) the writer reads
// the log and reloads the petitions, counts and block list that another origin changed.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/public_petition/block_list.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "core/public_petition/fingerprint_set.hpp"
#include "core/public_petition/signature_screening.hpp"
#include "core/public_petition/signing_rate_limiter.hpp"
#include "service/public_petition_service.hpp"

namespace recall {

// A signature the service has checked on the caller's thread, ready for the writer.
struct IntakeSignature {
  std::int64_t petition_id = 0;
  std::string name;                     // cleaned, not empty
  public_petition::EmailAddress email;  // parsed: address, canonical key, domain
  std::string postcode;                 // normalised ("PE1 1AA"); the writer finds its constituency
  public_petition::IpAddress ip;
  bool uk_resident = true;
  bool sponsor = false;  // came through the petition's valid sponsor link
};

// What a step run on the writer changed, applied to memory after its COMMIT.
struct IntakeEffects {
  std::vector<public_petition::PublicPetition> petitions;  // created or changed, as now stored
  std::vector<std::pair<std::int64_t, public_petition::CountChange>> count_changes;  // by petition id
  std::vector<std::pair<std::int64_t, std::string>> fingerprints;  // (petition, canonical email) now stored
  std::vector<std::pair<std::int64_t, std::vector<public_petition::ConstituencyCount>>> rebuilds;  // repair
  std::optional<std::vector<PublicBlock>> blocks;  // the whole block list, when it changed
};

class PublicIntake {
 public:
  // `store` is the intake's own connection; it and `parliament` must outlive the intake. A
  // `signing_store` (another connection to the same database, outliving the intake too) adds the
  // second thread that writes signature-only batches; none: the writer writes every batch.
  PublicIntake(Store& store, const Parliament& parliament, Clock clock, PublicPetitionConfig config,
               Store* signing_store = nullptr);
  ~PublicIntake();  // stop()
  PublicIntake(const PublicIntake&) = delete;
  PublicIntake& operator=(const PublicIntake&) = delete;

  // Loads every petition that takes signatures or shows counts, their duplicate check and counts,
  // and the block list, then starts the writer. Once.
  void start();
  // Finishes the batches in hand, then answers everything still queued `unavailable` (steps throw
  // Error(unavailable)). Idempotent.
  void stop();

  void sign(IntakeSignature signature, std::function<void(SignOutcome)> done);
  void confirm(ConfirmToken token, std::function<void(ConfirmResult)> done);

  // Runs `step` on the writer thread inside one transaction on the intake's store, then applies its
  // effects; waits for it. Rethrows the step's error (then nothing was written or applied).
  // Error(unavailable) once stopped.
  void run(std::function<IntakeEffects(Store&)> step);

  // For steps only (they run on the writer thread): the screening a new signature gets now.
  public_petition::Screening screen(const public_petition::IpAddress& ip, const public_petition::EmailAddress& email);
  // For steps only: the counts held in memory, any state; none if the petition has none.
  std::optional<public_petition::CountSnapshot> snapshot(std::int64_t petition_id) const;

  // The counts as served: none unless the petition is open or closed.
  std::optional<PetitionCounts> counts(std::int64_t petition_id) const;
  std::optional<CountsStamp> counts_stamp(std::int64_t petition_id) const;
  [[nodiscard]] std::uint64_t generation() const { return generation_; }
  // This process in the store's change log (random per process).
  [[nodiscard]] const std::string& origin() const { return origin_; }
  // Batches committed so far by the writer and by the second signing thread (0 without one).
  [[nodiscard]] std::pair<std::uint64_t, std::uint64_t> batches_committed() const {
    return {writer_batches_.load(), signing_batches_.load()};
  }

 private:
  struct Slot {
    public_petition::PublicPetition petition;
    std::unique_ptr<public_petition::CountAggregator> counts;
    std::int64_t updated_at = 0;
  };
  struct SignJob {
    IntakeSignature signature;
    std::function<void(SignOutcome)> done;
  };
  struct ConfirmJob {
    ConfirmToken token;
    std::function<void(ConfirmResult)> done;
  };
  struct StepJob {
    std::function<IntakeEffects(Store&)> step;
    std::promise<void> finished;
  };

  void load();
  void load_petition(const PublicPetitionRecord& record, bool fingerprints);
  void set_blocks(const std::vector<PublicBlock>& blocks);
  void writer_loop();
  // With queue_mutex_ held: waits up to config_.gather for the queue to reach a batch worth a commit.
  void gather(std::unique_lock<std::mutex>& queue_lock);
  void wake_writers();  // after a request is queued, with queue_mutex_ held
  [[nodiscard]] std::size_t queued() const { return signs_.size() + confirms_.size(); }  // queue_mutex_ held
  void signing_loop();
  // Called by the writer with queue_mutex_ held: no new batch on the signing thread, and none in hand.
  void hold_signing(std::unique_lock<std::mutex>& queue_lock);
  void run_step(StepJob& job);
  // One group commit on `store` (the writer's, or the signing thread's with no confirmations).
  // Returns whether it committed.
  bool run_batch(Store& store, std::vector<SignJob>& signs, std::vector<ConfirmJob>& confirms);
  // After a COMMIT: counts, petitions and the rest in memory, then thresholds newly reached on disk.
  void apply(IntakeEffects& effects, std::int64_t now);
  [[nodiscard]] bool resend_due(std::uint64_t fingerprint, std::int64_t now);
  // Reloads what other processes changed since the last look (the writer's, between batches).
  void follow_changes();
  void reload_petition(std::int64_t id);

  Store& store_;
  Store* signing_store_;  // the second signing thread's connection, if any
  const Parliament& parliament_;
  Clock clock_;
  PublicPetitionConfig config_;
  std::uint64_t generation_ = 0;
  std::string origin_;
  std::int64_t seen_change_ = 0;  // the newest change-log row followed

  // Read by any thread, changed by the writer.
  mutable std::mutex slots_mutex_;
  std::unordered_map<std::int64_t, Slot> slots_;

  // Screening state: the writers', under screening_mutex_ (taken before slots_mutex_).
  std::mutex screening_mutex_;
  public_petition::SipKey fingerprint_key_{};
  public_petition::FingerprintSet fingerprints_;
  public_petition::BlockList blocks_;
  public_petition::SigningRateLimiter limiter_;
  std::unordered_map<std::uint64_t, std::int64_t> resent_at_;  // by fingerprint: the last re-send

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<SignJob> signs_;
  std::deque<ConfirmJob> confirms_;
  std::deque<StepJob*> steps_;
  bool started_ = false;
  bool stopping_ = false;
  // The writer needs the signing thread idle (a step, a follow): it takes no batch meanwhile.
  bool signing_held_ = false;
  bool signing_busy_ = false;        // the signing thread has a batch in hand
  std::condition_variable signing_ready_;  // for the signing thread: signatures queued, or released
  std::condition_variable signing_idle_;   // for the writer: the signing thread's batch is done
  std::atomic<std::uint64_t> writer_batches_{0};
  std::atomic<std::uint64_t> signing_batches_{0};
  std::thread writer_;
  std::thread signing_;
};

}  // namespace recall
