// The sequencer's life: loading memory from the store at start, the queues, the writer thread, steps,
// and applying what a COMMIT changed. The batch itself is in public_intake_batch.cpp.
#include "service/public_intake.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/auth/sodium_init.hpp"
#include "core/base/error.hpp"
#include "service/batch_share.hpp"

namespace recall {

namespace pp = public_petition;

namespace {

// The states whose petitions the sequencer keeps in memory: those that take signatures (sponsors while
// collecting and waiting for moderation) and those whose counts are shown.
bool kept_in_memory(pp::PublicPetitionState state) {
  return state == pp::PublicPetitionState::collecting_sponsors || state == pp::PublicPetitionState::sponsored ||
         state == pp::PublicPetitionState::open || state == pp::PublicPetitionState::closed;
}

bool takes_signatures(pp::PublicPetitionState state) {
  return state == pp::PublicPetitionState::collecting_sponsors || state == pp::PublicPetitionState::sponsored ||
         state == pp::PublicPetitionState::open;
}

constexpr int page_size = 100'000;

}  // namespace

PublicIntake::PublicIntake(Store& store, const Parliament& parliament, Clock clock, PublicPetitionConfig config,
                           Store* signing_store)
    : store_(store),
      signing_store_(signing_store),
      parliament_(parliament),
      clock_(std::move(clock)),
      config_(std::move(config)),
      limiter_(clock_, config_.rate_limits) {
  ensure_sodium();
  // Random per process: fingerprints are never stored, and nobody outside can aim at collisions.
  randombytes_buf(fingerprint_key_.data(), fingerprint_key_.size());
  randombytes_buf(&generation_, sizeof generation_);
  origin_ = fmt::format("{:016x}", generation_);
}

PublicIntake::~PublicIntake() { stop(); }

void PublicIntake::load_petition(const PublicPetitionRecord& record, bool fingerprints) {
  auto& petitions = store_.public_petitions();
  const std::int64_t id = record.petition.id;
  Slot slot;
  slot.petition = record.petition;
  slot.counts = std::make_unique<pp::CountAggregator>(parliament_);
  slot.counts->rebuild(petitions.count_by_constituency(id));
  slot.updated_at = clock_();
  if (fingerprints) {
    std::int64_t after = 0;
    for (;;) {
      const std::vector<SignatureEmail> page = petitions.canonical_emails(id, after, page_size);
      for (const SignatureEmail& row : page) {
        fingerprints_.insert(pp::signature_fingerprint(fingerprint_key_, id, row.canonical_email));
      }
      if (page.size() < static_cast<std::size_t>(page_size)) break;
      after = page.back().id;
    }
  }
  std::lock_guard lock(slots_mutex_);
  slots_[id] = std::move(slot);
}

void PublicIntake::load() {
  auto& petitions = store_.public_petitions();
  // First: a change committed while the rest loads is then followed again, which reloads what is
  // already current rather than missing it.
  seen_change_ = petitions.last_change();
  std::vector<PublicPetitionRecord> records;
  for (const pp::PublicPetitionState state :
       {pp::PublicPetitionState::collecting_sponsors, pp::PublicPetitionState::sponsored,
        pp::PublicPetitionState::open, pp::PublicPetitionState::closed}) {
    PetitionPage page{std::nullopt, 1000};
    for (;;) {
      std::vector<PublicPetitionRecord> found = petitions.list_petitions(state, page);
      if (found.empty()) break;
      page.before_id = found.back().petition.id;
      const bool last = found.size() < 1000;
      for (PublicPetitionRecord& record : found) records.push_back(std::move(record));
      if (last) break;
    }
  }
  // Room for every fingerprint first, so the set never doubles (holding both tables) while loading.
  std::int64_t expected = 0;
  for (const PublicPetitionRecord& record : records) {
    if (takes_signatures(record.petition.state)) expected += petitions.count_signatures(record.petition.id);
  }
  fingerprints_.reserve(static_cast<std::size_t>(expected));
  for (const PublicPetitionRecord& record : records) load_petition(record, takes_signatures(record.petition.state));
  set_blocks(petitions.list_blocks());
  spdlog::info("public petitions: {} in memory, {} signatures in the duplicate check ({} bytes)", records.size(),
               fingerprints_.size(), fingerprints_.bytes_used());
}

void PublicIntake::set_blocks(const std::vector<PublicBlock>& blocks) {
  pp::BlockList list;
  for (const PublicBlock& block : blocks) {
    switch (block.kind) {
      case pp::BlockKind::ip:
        list.block_ip(pp::parse_cidr(block.value, "value"));
        break;
      case pp::BlockKind::domain:
        list.block_domain(pp::parse_domain_pattern(block.value, "value"));
        break;
      case pp::BlockKind::email:
        list.block_email(block.value);
        break;
    }
  }
  blocks_ = std::move(list);
}

void PublicIntake::start() {
  {
    std::lock_guard lock(queue_mutex_);
    if (started_) return;
  }
  load();
  std::lock_guard lock(queue_mutex_);
  started_ = true;
  stopping_ = false;
  writer_ = std::thread([this] { writer_loop(); });
  if (signing_store_ != nullptr) signing_ = std::thread([this] { signing_loop(); });
}

void PublicIntake::stop() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_all();
  signing_ready_.notify_all();
  if (writer_.joinable()) writer_.join();
  if (signing_.joinable()) signing_.join();
  std::deque<SignJob> signs;
  std::deque<ConfirmJob> confirms;
  std::deque<StepJob*> steps;
  {
    std::lock_guard lock(queue_mutex_);
    signs.swap(signs_);
    confirms.swap(confirms_);
    steps.swap(steps_);
  }
  for (SignJob& job : signs) job.done(SignOutcome::unavailable);
  for (ConfirmJob& job : confirms) job.done(ConfirmResult{ConfirmOutcome::unavailable, 0});
  for (StepJob* job : steps) {
    job->finished.set_exception(
        std::make_exception_ptr(Error(ErrorKind::unavailable, "public petitions are shutting down")));
  }
}

void PublicIntake::sign(IntakeSignature signature, std::function<void(SignOutcome)> done) {
  {
    std::lock_guard lock(queue_mutex_);
    if (started_ && !stopping_) {
      signs_.push_back({std::move(signature), std::move(done)});
      wake_writers();
      return;
    }
  }
  done(SignOutcome::unavailable);
}

// Only when a wait would end: the writer waits for a first request, or (gathering) for a batch's
// worth, and the signing thread for a batch's worth. A wake-up per request cost a context switch each.
void PublicIntake::wake_writers() {
  const std::size_t waiting = queued();
  if (waiting == 1 || waiting >= unsplit_batch) queue_ready_.notify_one();
  if (signing_store_ != nullptr && signs_.size() >= unsplit_batch) signing_ready_.notify_one();
}

void PublicIntake::confirm(ConfirmToken token, std::function<void(ConfirmResult)> done) {
  {
    std::lock_guard lock(queue_mutex_);
    if (started_ && !stopping_) {
      confirms_.push_back({token, std::move(done)});
      wake_writers();
      return;
    }
  }
  done(ConfirmResult{ConfirmOutcome::unavailable, 0});
}

void PublicIntake::run(std::function<IntakeEffects(Store&)> step) {
  StepJob job{std::move(step), {}};
  std::future<void> finished = job.finished.get_future();
  {
    std::lock_guard lock(queue_mutex_);
    if (!started_ || stopping_) throw Error(ErrorKind::unavailable, "public petitions are not running");
    steps_.push_back(&job);
  }
  queue_ready_.notify_one();
  finished.get();
}

void PublicIntake::writer_loop() {
  std::vector<SignJob> signs;
  std::vector<ConfirmJob> confirms;
  std::size_t previous_batch = 0;
  auto follow_at = std::chrono::steady_clock::now() + config_.follow_every;
  for (;;) {
    std::deque<StepJob*> steps;
    signs.clear();
    confirms.clear();
    bool follow = false;
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait_until(lock, follow_at, [this] { return stopping_ || queued() > 0 || !steps_.empty(); });
      if (queued() > 0 && steps_.empty()) gather(lock);
      if (stopping_) return;
      steps.swap(steps_);
      // Before any step too: a step's changes are applied to memory as deltas, which must start from
      // what another process left in the store.
      follow = !steps.empty() || std::chrono::steady_clock::now() >= follow_at;
      if (follow) hold_signing(lock);
      // The batch formed while the last one committed, or its share of it (service/batch_share.hpp).
      std::size_t room = batch_share(queued(), previous_batch, config_.max_batch);
      while (room > 0 && !confirms_.empty()) {
        confirms.push_back(std::move(confirms_.front()));
        confirms_.pop_front();
        --room;
      }
      while (room > 0 && !signs_.empty()) {
        signs.push_back(std::move(signs_.front()));
        signs_.pop_front();
        --room;
      }
    }
    if (follow) {
      follow_changes();
      follow_at = std::chrono::steady_clock::now() + config_.follow_every;
      for (StepJob* job : steps) run_step(*job);
      {
        std::lock_guard lock(queue_mutex_);
        signing_held_ = false;
      }
      signing_ready_.notify_one();
    }
    previous_batch = signs.size() + confirms.size();
    if (previous_batch > 0 && run_batch(store_, signs, confirms)) ++writer_batches_;
  }
}

// Each commit costs the database about the same however few rows it carries (the statements, the WAL
// flush, the fsync): at 5,000 signatures a second on PostgreSQL, batches of one or two cost its
// backends 140 µs of CPU a signature, against 75 µs once a batch waits up to 2 ms to fill, and count
// reads beside it rose from 77,000 to 108,000 a second (docs/performance.md, "Batches that wait to
// fill"). The wait goes on only while requests keep coming: it looks again every quarter of the
// window and stops at the first look that finds nothing new, so a lone signer waits a quarter of it.
// A batch's worth is `unsplit_batch`: a surge queues more than that, and never waits.
void PublicIntake::gather(std::unique_lock<std::mutex>& queue_lock) {
  if (config_.gather <= std::chrono::microseconds::zero()) return;
  const auto full_batch = [this] { return stopping_ || !steps_.empty() || queued() >= unsplit_batch; };
  const auto until = std::chrono::steady_clock::now() + config_.gather;
  for (std::size_t seen = queued(); !full_batch(); seen = queued()) {
    const auto look = std::min(until, std::chrono::steady_clock::now() + config_.gather / 4);
    if (queue_ready_.wait_until(queue_lock, look, full_batch)) return;
    if (queued() == seen || look == until) return;  // the stream has paused, or the window is over
  }
}

void PublicIntake::hold_signing(std::unique_lock<std::mutex>& queue_lock) {
  if (signing_store_ == nullptr) return;
  signing_held_ = true;
  signing_idle_.wait(queue_lock, [this] { return !signing_busy_; });
}

void PublicIntake::signing_loop() {
  std::vector<SignJob> signs;
  std::vector<ConfirmJob> no_confirms;
  for (;;) {
    signs.clear();
    {
      std::unique_lock lock(queue_mutex_);
      // Only a batch's worth: fewer are the writer's next batch, and two small batches cost the
      // database nearly twice what one does (at 5,000 signatures a second on PostgreSQL the
      // second thread taking batches of one or two held count reads a quarter lower:
      // docs/performance.md).
      signing_ready_.wait(lock, [this] { return stopping_ || (!signing_held_ && signs_.size() >= unsplit_batch); });
      if (stopping_) return;
      // Everything queued: the writer's share already splits the clients, and two sharing threads
      // only made smaller batches (docs/performance.md).
      std::size_t room = std::min(signs_.size(), config_.max_batch);
      while (room > 0 && !signs_.empty()) {
        signs.push_back(std::move(signs_.front()));
        signs_.pop_front();
        --room;
      }
      signing_busy_ = true;
    }
    if (run_batch(*signing_store_, signs, no_confirms)) ++signing_batches_;
    {
      std::lock_guard lock(queue_mutex_);
      signing_busy_ = false;
    }
    signing_idle_.notify_one();
  }
}

void PublicIntake::run_step(StepJob& job) {
  IntakeEffects effects;
  try {
    store_.transaction([&] {
      store_.public_petitions().hold_change_log();  // before the step's rows (public_petition_store.hpp)
      effects = job.step(store_);
      // For the other processes on this database: what this step changed (service/public_intake.hpp).
      std::set<std::int64_t> changed;
      for (const pp::PublicPetition& petition : effects.petitions) changed.insert(petition.id);
      for (const auto& entry : effects.count_changes) changed.insert(entry.first);
      for (const auto& entry : effects.rebuilds) changed.insert(entry.first);
      for (const auto& entry : effects.fingerprints) changed.insert(entry.first);
      const std::vector<std::int64_t> ids(changed.begin(), changed.end());
      store_.public_petitions().record_changes(origin_, ids, effects.blocks.has_value(), clock_());
    });
  } catch (...) {
    job.finished.set_exception(std::current_exception());
    return;
  }
  try {
    apply(effects, clock_());
  } catch (const std::exception& e) {
    // Committed: the step succeeded. Memory that failed to follow is what recount repairs.
    spdlog::error("public petitions: memory did not follow a committed step ({}); run a recount", e.what());
  }
  job.finished.set_value();
}

void PublicIntake::follow_changes() {
  constexpr int page = 1000;
  std::int64_t seen = seen_change_;
  std::set<std::int64_t> changed;
  bool blocks = false;
  try {
    auto& petitions = store_.public_petitions();
    for (;;) {
      const std::vector<PublicChange> found = petitions.changes_after(seen, page);
      for (const PublicChange& change : found) {
        seen = change.seq;
        if (change.origin == origin_) continue;  // this process's own step: memory has it
        if (change.petition_id) {
          changed.insert(*change.petition_id);
        } else {
          blocks = true;
        }
      }
      if (found.size() < static_cast<std::size_t>(page)) break;
    }
    for (const std::int64_t id : changed) reload_petition(id);
    if (blocks) set_blocks(petitions.list_blocks());
  } catch (const std::exception& e) {
    // Nothing is marked seen: the next look reloads all of it again (reloading is idempotent).
    spdlog::error("public petitions: could not follow the changes other processes made ({}); trying again",
                  e.what());
    return;
  }
  seen_change_ = seen;
  if (!changed.empty() || blocks) {
    std::string what;
    for (const std::int64_t id : changed) what += fmt::format("{}petition {}", what.empty() ? "" : ", ", id);
    if (blocks) what += fmt::format("{}the block list", what.empty() ? "" : ", ");
    spdlog::info("public petitions: reloaded what another process changed: {}", what);
  }
}

void PublicIntake::reload_petition(std::int64_t id) {
  auto& petitions = store_.public_petitions();
  const std::optional<PublicPetitionRecord> record = petitions.find_petition(id);
  if (!record || !kept_in_memory(record->petition.state)) {
    std::lock_guard lock(slots_mutex_);
    slots_.erase(id);  // rejected or hidden: no signing, no counts
    return;
  }
  bool known = false;
  {
    std::lock_guard lock(slots_mutex_);
    known = slots_.contains(id);
  }
  if (!known) {
    // New to this process (created or published elsewhere): its signatures' fingerprints too.
    load_petition(*record, takes_signatures(record->petition.state));
    return;
  }
  // Held already, so its fingerprints are here: only a server signs. The counts are rebuilt in the
  // same aggregator, whose version (the ETag) goes on rising.
  const std::vector<pp::ConstituencyCount> counts = petitions.count_by_constituency(id);
  std::lock_guard lock(slots_mutex_);
  Slot& slot = slots_.at(id);
  slot.petition = record->petition;
  slot.counts->rebuild(counts);
  slot.updated_at = clock_();
}

pp::Screening PublicIntake::screen(const pp::IpAddress& ip, const pp::EmailAddress& email) {
  std::lock_guard lock(screening_mutex_);
  return pp::screen_signature(blocks_, limiter_, ip, email);
}

std::optional<pp::CountSnapshot> PublicIntake::snapshot(std::int64_t petition_id) const {
  std::lock_guard lock(slots_mutex_);
  const auto found = slots_.find(petition_id);
  if (found == slots_.end()) return std::nullopt;
  return found->second.counts->snapshot();
}

namespace {

bool shows_counts(pp::PublicPetitionState state) {
  return state == pp::PublicPetitionState::open || state == pp::PublicPetitionState::closed;
}

}  // namespace

std::optional<PetitionCounts> PublicIntake::counts(std::int64_t petition_id) const {
  std::lock_guard lock(slots_mutex_);
  const auto found = slots_.find(petition_id);
  if (found == slots_.end() || !shows_counts(found->second.petition.state)) return std::nullopt;
  return PetitionCounts{found->second.counts->snapshot(), found->second.updated_at, generation_};
}

std::optional<CountsStamp> PublicIntake::counts_stamp(std::int64_t petition_id) const {
  std::lock_guard lock(slots_mutex_);
  const auto found = slots_.find(petition_id);
  if (found == slots_.end() || !shows_counts(found->second.petition.state)) return std::nullopt;
  // Two reads, each under the aggregator's lock: a change between them at worst gives the version
  // just before it, whose cached body was current a moment ago.
  const pp::CountAggregator& counts = *found->second.counts;
  const std::uint64_t version = counts.version();
  return CountsStamp{counts.total(), version, generation_};
}

void PublicIntake::apply(IntakeEffects& effects, std::int64_t now) {
  std::vector<std::pair<std::int64_t, std::int64_t>> thresholds;  // (petition, signatures) newly reached
  {
    std::lock_guard lock(slots_mutex_);
    std::vector<std::int64_t> changed;
    for (pp::PublicPetition& petition : effects.petitions) {
      const std::int64_t id = petition.id;
      changed.push_back(id);
      if (!kept_in_memory(petition.state)) {
        slots_.erase(id);  // rejected or hidden: no signing, no counts
        continue;
      }
      auto found = slots_.find(id);
      if (found == slots_.end()) {
        Slot slot;
        slot.counts = std::make_unique<pp::CountAggregator>(parliament_);
        slot.updated_at = now;
        found = slots_.emplace(id, std::move(slot)).first;
      }
      found->second.petition = std::move(petition);
    }
    for (auto& [id, counts] : effects.rebuilds) {
      const auto found = slots_.find(id);
      if (found == slots_.end()) continue;
      found->second.counts->rebuild(counts);
      found->second.updated_at = now;
    }
    // One apply per petition, all or nothing, in the order the changes came.
    std::unordered_map<std::int64_t, std::vector<pp::CountChange>> by_petition;
    for (auto& [id, change] : effects.count_changes) by_petition[id].push_back(std::move(change));
    for (auto& [id, changes] : by_petition) {
      const auto found = slots_.find(id);
      if (found == slots_.end()) continue;  // rejected or hidden: nothing shown
      try {
        found->second.counts->apply(changes);
      } catch (const Error& e) {
        // Drift (a counter would go below zero): the store is the truth.
        spdlog::error("public petition {}: counts drifted ({}); rebuilding from the store", id, e.message());
        found->second.counts->rebuild(store_.public_petitions().count_by_constituency(id));
      }
      found->second.updated_at = now;
    }
    // Thresholds, for every open petition whose count or state changed (publishing one that already
    // has enough supporters reaches a threshold too).
    std::set<std::int64_t> touched;
    for (const auto& entry : by_petition) touched.insert(entry.first);
    for (const auto& entry : effects.rebuilds) touched.insert(entry.first);
    for (const std::int64_t id : changed) touched.insert(id);
    for (const std::int64_t id : touched) {
      const auto found = slots_.find(id);
      if (found == slots_.end() || found->second.petition.state != pp::PublicPetitionState::open) continue;
      for (const std::int64_t reached :
           pp::note_signature_count(found->second.petition, found->second.counts->total(), now)) {
        thresholds.emplace_back(id, reached);
      }
    }
  }
  {
    std::lock_guard lock(screening_mutex_);
    for (const auto& [id, email] : effects.fingerprints) {
      fingerprints_.insert(pp::signature_fingerprint(fingerprint_key_, id, email));
    }
    if (effects.blocks) set_blocks(*effects.blocks);
  }
  // A small transaction after the batch's: the time a threshold was first reached. Should it fail, the
  // next change (or a recount with repair) notes it again, with a later time.
  for (const auto& [id, signatures] : thresholds) {
    try {
      store_.public_petitions().mark_threshold_reached(id, signatures, now);
    } catch (const std::exception& e) {
      spdlog::error("public petition {}: could not record reaching {} signatures: {}", id, signatures, e.what());
      std::lock_guard lock(slots_mutex_);
      const auto found = slots_.find(id);
      if (found == slots_.end()) continue;
      for (pp::ThresholdMark& mark : found->second.petition.thresholds) {
        if (mark.signatures == signatures) mark.reached_at.reset();
      }
    }
  }
}

}  // namespace recall
