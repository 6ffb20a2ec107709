// One group commit: every sign and confirm request taken from the queue, written as one transaction,
// acknowledged only after COMMIT. Per signature the writer does memory work only (a fingerprint, the
// block list, the rate limiter, a token); the database sees a few multi-row statements per batch.
#include <exception>
#include <set>

#include <spdlog/spdlog.h>

#include "core/base/error.hpp"
#include "service/public_confirmation_mail.hpp"
#include "service/public_intake.hpp"
#include "service/public_tokens.hpp"

namespace recall {

namespace pp = public_petition;

namespace {

bool collecting(pp::PublicPetitionState state) {
  return state == pp::PublicPetitionState::collecting_sponsors || state == pp::PublicPetitionState::sponsored;
}

// A signer who signs again while still pending gets the email again, at most once a minute.
constexpr std::int64_t resend_after_seconds = 60;

struct Repeat {
  std::int64_t petition_id;
  std::string canonical_email;
};

}  // namespace

bool PublicIntake::resend_due(std::uint64_t fingerprint, std::int64_t now) {
  // Bounded: entries older than a minute say nothing any more.
  if (resent_at_.size() > 100'000) {
    std::erase_if(resent_at_, [&](const auto& entry) { return now - entry.second >= resend_after_seconds; });
  }
  auto [entry, fresh] = resent_at_.try_emplace(fingerprint, now);
  if (fresh) return true;
  if (now - entry->second < resend_after_seconds) return false;
  entry->second = now;
  return true;
}

bool PublicIntake::run_batch(Store& store, std::vector<SignJob>& signs, std::vector<ConfirmJob>& confirms) {
  const std::int64_t now = clock_();
  auto& petitions = store.public_petitions();
  std::vector<SignOutcome> outcomes(signs.size(), SignOutcome::pending);

  // Constituencies for the batch's postcodes, in a few statements (before the write lock is taken).
  std::unordered_map<std::string, std::string> constituency;
  try {
    std::set<std::string> distinct;
    for (const SignJob& job : signs) distinct.insert(job.signature.postcode);
    const std::vector<std::string> postcodes(distinct.begin(), distinct.end());
    constituency = store.postcodes().find_postcodes(postcodes);
  } catch (const std::exception& e) {
    spdlog::error("public petitions: postcode look-up failed ({}); the batch is refused", e.what());
    for (SignJob& job : signs) job.done(SignOutcome::unavailable);
    for (ConfirmJob& job : confirms) job.done(ConfirmResult{ConfirmOutcome::unavailable, 0});
    return false;
  }

  // Screening, in arrival order, against memory only (shared with the other writer thread, if any).
  std::vector<NewPublicSignature> rows;
  std::vector<ConfirmLinkSecret> row_secrets;  // each row's link secret, queued with its id
  std::vector<std::uint64_t> fresh;        // fingerprints this batch added (forgotten if it fails)
  std::vector<Repeat> repeats;             // pending signers to email again
  {
    std::lock_guard screening(screening_mutex_);
    std::lock_guard lock(slots_mutex_);
    for (std::size_t i = 0; i < signs.size(); ++i) {
      const IntakeSignature& s = signs[i].signature;
      const auto slot = slots_.find(s.petition_id);
      if (slot == slots_.end()) {
        // Unknown, or rejected or hidden (no longer in memory): which one is the service's to say.
        outcomes[i] = SignOutcome::not_found;
        continue;
      }
      const pp::PublicPetition& petition = slot->second.petition;
      const bool as_sponsor = s.sponsor && collecting(petition.state);
      if (!as_sponsor && !pp::accepts_signatures(petition, now)) {
        outcomes[i] = SignOutcome::closed;
        continue;
      }
      const std::uint64_t fingerprint = pp::signature_fingerprint(fingerprint_key_, s.petition_id, s.email.canonical);
      if (!fingerprints_.insert(fingerprint)) {
        // Already signed: the same answer as a first signature; the email again if it is due.
        if (resend_due(fingerprint, now)) repeats.push_back({s.petition_id, s.email.canonical});
        continue;
      }
      fresh.push_back(fingerprint);
      const ConfirmSecret secret = issue_confirm_secret();
      const auto ons = constituency.find(s.postcode);
      rows.push_back(NewPublicSignature{
          s.petition_id, s.name, s.email, s.postcode,
          ons == constituency.end() ? std::nullopt : std::optional<std::string>(ons->second), s.ip, s.uk_resident,
          as_sponsor, pp::screen_signature(blocks_, limiter_, s.ip, s.email), secret.hash, now});
      row_secrets.push_back(secret.secret);
    }
  }
  std::vector<ConfirmToken> tokens;
  tokens.reserve(confirms.size());
  for (const ConfirmJob& job : confirms) tokens.push_back(job.token);

  std::vector<std::optional<ConfirmedSignature>> confirmed;
  IntakeEffects effects;
  try {
    store.transaction([&] {
      // The emails are queued as the links alone, a row a batch, with the signatures; the delivery
      // worker writes them out (service/public_confirmation_mail.hpp). A row the database already had
      // (another process, or a row older than this process's memory) is answered as a repeat: pending,
      // and no email.
      petitions.add_signatures_and_links(rows, row_secrets, now);
      std::vector<QueuedConfirmation> emails;
      emails.reserve(repeats.size());
      for (const Repeat& repeat : repeats) {
        const auto row = petitions.find_signature_by_email(repeat.petition_id, repeat.canonical_email);
        if (!row || row->state != PublicSignatureState::pending || !row->email) continue;
        if (now - row->created_at < resend_after_seconds) continue;  // the first email has only just gone
        const ConfirmSecret secret = issue_confirm_secret();
        if (!petitions.replace_confirm_token(row->id, secret.hash)) continue;
        emails.push_back(queued_confirmation(row->id, secret));
      }
      petitions.queue_confirmations(emails, now);

      confirmed = petitions.confirm_signatures(tokens, now);
      // Sponsors count when they confirm; the one that reaches the number needed sends the petition
      // to moderation. Petition state changes only on this thread, so memory says what is stored.
      std::unordered_map<std::int64_t, pp::PublicPetition> changed;
      for (const auto& row : confirmed) {
        if (!row || !row->sponsor) continue;
        auto working = changed.find(row->petition_id);
        if (working == changed.end()) {
          std::lock_guard lock(slots_mutex_);
          const auto slot = slots_.find(row->petition_id);
          if (slot == slots_.end()) continue;
          working = changed.emplace(row->petition_id, slot->second.petition).first;
        }
        pp::PublicPetition& petition = working->second;
        if (!collecting(petition.state)) continue;  // published since: an ordinary supporter now
        const int count = petitions.add_sponsor(petition.id);
        if (petition.state == pp::PublicPetitionState::collecting_sponsors && count >= config_.rules.sponsors_needed) {
          petition.sponsor_count = count - 1;
          pp::add_sponsor(petition, config_.rules, now);
          petitions.save_state(petition, pp::PublicPetitionState::collecting_sponsors, std::nullopt);
        }
        petition.sponsor_count = count;
      }
      for (auto& [id, petition] : changed) effects.petitions.push_back(std::move(petition));
    });
  } catch (const std::exception& e) {
    // Nothing was stored: forget this batch's fingerprints so the signers can try again.
    {
      std::lock_guard screening(screening_mutex_);
      for (const std::uint64_t fingerprint : fresh) fingerprints_.erase(fingerprint);
    }
    spdlog::error("public petitions: a batch of {} signatures and {} confirmations failed to commit: {}", rows.size(),
                  confirms.size(), e.what());
    for (std::size_t i = 0; i < signs.size(); ++i) {
      signs[i].done(outcomes[i] == SignOutcome::pending ? SignOutcome::unavailable : outcomes[i]);
    }
    for (ConfirmJob& job : confirms) job.done(ConfirmResult{ConfirmOutcome::unavailable, 0});
    return false;
  }

  for (const auto& row : confirmed) {
    if (row && row->counts) effects.count_changes.emplace_back(row->petition_id, row->count_change());
  }
  // A batch without confirmations changes nothing in memory (new signatures are pending), so the
  // signing thread, which never has any, never calls apply(): that stays the writer's.
  if (!confirms.empty()) {
    try {
      apply(effects, now);
    } catch (const std::exception& e) {
      spdlog::error("public petitions: memory did not follow a committed batch ({}); run a recount", e.what());
    }
  }
  for (std::size_t i = 0; i < signs.size(); ++i) signs[i].done(outcomes[i]);
  for (std::size_t i = 0; i < confirms.size(); ++i) {
    confirms[i].done(confirmed[i] ? ConfirmResult{ConfirmOutcome::confirmed, confirmed[i]->petition_id}
                                  : ConfirmResult{ConfirmOutcome::unknown, 0});
  }
  return true;
}

}  // namespace recall
