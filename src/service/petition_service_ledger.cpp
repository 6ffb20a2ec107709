// What anyone may read of a petition's ledger (issue 4): its status, checkpoints, receipts with their
// inclusion proofs and consistency proofs, and after the declaration everything needed for a recount.
// While the ledger is sealed these answer as if nothing had been appended: the size alone would be a
// running total, and whether a nonce is found would say whether someone signed.
#include <fmt/format.h>

#include "core/ledger/proof_builder.hpp"
#include "service/petition_ledger.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

namespace {

// The policy seals running totals until the declaration; a terminated petition is never counted, so
// its ledger stays sealed for good.
bool is_ledger_sealed(const Policy& policy, const Petition& petition, PetitionPhase phase) {
  if (petition.termination) return true;
  return policy.signing.running_totals_sealed && phase != PetitionPhase::declared;
}

[[noreturn]] void sealed_conflict(std::int64_t petition_id) {
  // One message for every question asked of a sealed ledger, whatever was asked.
  conflict(fmt::format("the ledger of petition {} is sealed until the result is declared", petition_id));
}

DeclaredFigures declared_figures(const Declaration& count) {
  DeclaredFigures out;
  out.eligible = count.eligible;
  out.valid_signatures = count.valid_signatures;
  out.rejected = count.rejected;
  out.rejected_by_reason = count.rejected_by_reason;
  out.percent_tenths = count.percent_tenths;
  out.successful = count.successful;
  return out;
}

}  // namespace

void PetitionService::use_ledger_key(const ledger::SignerKey& key) { ledger_key_ = key; }

std::optional<std::string> PetitionService::ledger_verifier_key() const {
  if (!ledger_key_) return std::nullopt;
  return ledger::encode_verifier_key(ledger_key_->verifier());
}

LedgerStatus PetitionService::ledger_status(std::int64_t petition_id) {
  const Petition petition = load_petition(store_, petition_id);
  const PetitionPhase phase = phase_of(petition, now_local());
  LedgerStatus status;
  status.petition_id = petition.id;
  status.origin = petition_ledger::origin_of(ledger_key_, petition.id);
  status.sealed = is_ledger_sealed(policy_of(policies_, petition), petition, phase);
  if (status.sealed) return status;
  status.checkpoint = store_.ledgers().latest_checkpoint(petition.id);
  status.leaves_published = phase == PetitionPhase::declared && ledger_key_.has_value();
  return status;
}

std::vector<StoredCheckpoint> PetitionService::published_checkpoints(std::int64_t petition_id) {
  const Petition petition = load_petition(store_, petition_id);
  if (is_ledger_sealed(policy_of(policies_, petition), petition, phase_of(petition, now_local()))) return {};
  return store_.ledgers().list_checkpoints(petition.id);
}

std::optional<ReceiptFile> PetitionService::receipt_with_proof(std::int64_t petition_id, const ReceiptNonce& nonce) {
  const Petition petition = load_petition(store_, petition_id);
  if (is_ledger_sealed(policy_of(policies_, petition), petition, phase_of(petition, now_local()))) {
    sealed_conflict(petition.id);
  }
  LedgerStore& ledgers = store_.ledgers();
  // The checkpoint first: the log only grows, so a leaf found afterwards below its size is in its tree.
  const std::optional<StoredCheckpoint> checkpoint = ledgers.latest_checkpoint(petition.id);
  const std::optional<std::uint64_t> index = ledgers.find_receipt(petition.id, nonce);
  if (!index) return std::nullopt;
  const std::vector<LeafBytes> leaf = ledgers.leaves(petition.id, *index, 1);
  if (leaf.size() != 1) throw Error(ErrorKind::internal, fmt::format("receipt leaf {} is missing", *index));

  ReceiptFile file;
  file.receipt = Receipt{petition_ledger::origin_of(ledger_key_, petition.id), decode_leaf(leaf[0])};
  // A leaf appended since the latest checkpoint (an unsealed petition still signing) has no proof yet.
  if (checkpoint && *index < checkpoint->tree_size) {
    ReceiptProof proof;
    proof.leaf_index = *index;
    proof.inclusion = ledger::inclusion_proof(*ledgers.node_source(petition.id), *index, checkpoint->tree_size);
    proof.checkpoint = checkpoint->signed_note;
    file.proof = std::move(proof);
  }
  return file;
}

std::vector<ledger::Hash> PetitionService::consistency_proof(std::int64_t petition_id, std::uint64_t old_size,
                                                             std::uint64_t new_size) {
  const Petition petition = load_petition(store_, petition_id);
  if (is_ledger_sealed(policy_of(policies_, petition), petition, phase_of(petition, now_local()))) {
    sealed_conflict(petition.id);
  }
  const std::optional<StoredCheckpoint> latest = store_.ledgers().latest_checkpoint(petition.id);
  const std::uint64_t published = latest ? latest->tree_size : 0;
  if (new_size > published) {
    invalid("new_size", fmt::format("the latest published checkpoint of petition {} has {} leaves, fewer than {}",
                                    petition.id, published, new_size));
  }
  if (old_size > new_size) {
    invalid("old_size", fmt::format("the old size {} is larger than the new size {}", old_size, new_size));
  }
  return ledger::consistency_proof(*store_.ledgers().node_source(petition.id), old_size, new_size);
}

PublishedPetition PetitionService::published_petition(std::int64_t petition_id) {
  const std::int64_t at = clock_();
  const Petition petition = load_petition(store_, petition_id);
  require_phase(phase_of(petition, uk_local_time(at)), {PetitionPhase::declared}, "publish the ledger");
  if (!ledger_key_) conflict("this deployment has no ledger key to sign the final checkpoint with");

  PublishedPetition out;
  store_.transaction([&] {
    LedgerStore& ledgers = store_.ledgers();
    ledgers.lock_for_append(petition.id);
    // Normally made at the count; made now if the key came later (the log is frozen either way).
    petition_ledger::final_checkpoint({store_, ledger_key_, at}, petition.id);
    const std::uint64_t size = ledgers.size(petition.id);
    out.petition_id = static_cast<std::uint64_t>(petition.id);
    out.origin = petition_ledger::origin_of(ledger_key_, petition.id);
    out.ons_code = petition.ons_code;
    out.constituency = petition.constituency_name;
    out.policy_id = petition.policy_id;
    out.declared = declared_figures(petition.count.value());
    out.leaves = ledgers.leaves(petition.id, 0, size);
    for (const StoredCheckpoint& checkpoint : ledgers.list_checkpoints(petition.id)) {
      if (checkpoint.tree_size == size) {
        out.checkpoint = checkpoint.signed_note;
      } else {
        out.checkpoints.push_back(checkpoint.signed_note);
      }
    }
    out.verifier_key = ledger::encode_verifier_key(ledger_key_->verifier());
  });
  return out;
}

}  // namespace recall
