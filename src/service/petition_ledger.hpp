#pragma once
// How the steps of PetitionService write a petition's ledger (issue 4, docs/ledger-format.md "Events
// and when they are appended"): every signing event becomes a leaf inside the step's own transaction,
// and with the deployment's key a checkpoint is signed now and then while the log grows. Internal to
// src/service.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/calendar/date.hpp"
#include "core/ledger/note_key.hpp"
#include "core/petition/ledger_leaf.hpp"
#include "core/petition/petition.hpp"
#include "core/petition/receipt.hpp"
#include "core/petition/signature.hpp"
#include "store/store.hpp"

namespace recall::petition_ledger {

// What a step needs to write the ledger: the store (inside the step's transaction), the deployment's
// key if it has one, and the service clock's time of the step.
struct LedgerWriter {
  Store& store;
  const std::optional<ledger::SignerKey>& key;
  std::int64_t now = 0;  // Unix seconds
};

// "<key name>/petitions/<id>", or "unsigned/petitions/<id>" without a key.
std::string origin_of(const std::optional<ledger::SignerKey>& key, std::int64_t petition_id);

// 16 random octets from libsodium, never all zeros (zeros mean "no receipt" in a leaf).
ReceiptNonce new_nonce();

// What the online receipt shows and the sheet's receipt column keeps: receipt_code without hyphens.
std::string online_receipt_text(const ReceiptNonce& nonce);

// The elector's keyed hash in this petition's log.
ledger::Hash elector_hash_of(Store& store, std::int64_t petition_id, const std::string& elector_number);

// Appends the leaves, then signs a checkpoint if one is due (maybe_checkpoint). Takes the append lock
// first; call inside the step's transaction. Returns the index of the first leaf.
std::uint64_t append(const LedgerWriter& writer, std::int64_t petition_id, std::span<const LedgerLeaf> leaves);

// With a key: signs a checkpoint of the log's current size when the petition has none yet, or its
// latest is older than PetitionService::checkpoint_interval_seconds by the service clock. Nothing when
// the latest checkpoint already covers the whole log.
void maybe_checkpoint(const LedgerWriter& writer, std::int64_t petition_id);
// With a key: signs a checkpoint of the whole log unless one exists (the count's final checkpoint).
// Returns false without a key.
bool final_checkpoint(const LedgerWriter& writer, std::int64_t petition_id);

// One signing sheet, recorded with its leaf (the one helper every channel uses).
struct RecordedSheet {
  // False when the database refused the sheet because one already counts for the elector (s.12):
  // the double-signing attempt was recorded instead, with its leaf.
  bool recorded = false;
  std::int64_t sheet_id = 0;
  // For a recorded sheet naming an elector: the leaf with its nonce, to give to the signer.
  std::optional<Receipt> receipt;
};

// Records `sheet` (or the refused attempt) and appends the matching leaf in the caller's transaction:
// sheet_accepted or sheet_rejected with a fresh nonce when the sheet names an elector, without one
// (and with no elector hash) for a sheet void for uncertainty; double_signing_attempt, without a nonce,
// when refused. `day` is the leaf's day. An online sheet's receipt column is set to
// online_receipt_text of the nonce, so the code the elector is shown finds their leaf.
RecordedSheet record_sheet(const LedgerWriter& writer, SignatureSheet sheet, Date day);

// The leaf of a postal sheet issued to an elector (no nonce: nothing has been signed yet).
// `elector_key` is the petition's (LedgerStore::petition_key), read once for a batch.
LedgerLeaf postal_issue_leaf(const ElectorKey& elector_key, std::int64_t petition_id,
                             const std::string& elector_number, bool to_proxy, Date day);

// The leaf of an early end (s.13): no elector, no channel.
LedgerLeaf termination_leaf(std::int64_t petition_id, Date day);

}  // namespace recall::petition_ledger
