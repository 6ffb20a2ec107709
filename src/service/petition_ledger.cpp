#include "service/petition_ledger.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/auth/clock.hpp"
#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/sodium.hpp"
#include "service/petition_service.hpp"

namespace recall::petition_ledger {

namespace {

bool is_zero(const ReceiptNonce& nonce) {
  return std::all_of(nonce.begin(), nonce.end(), [](std::uint8_t octet) { return octet == 0; });
}

void sign_checkpoint_now(const LedgerWriter& writer, std::int64_t petition_id, std::uint64_t size) {
  const ledger::Hash root = ledger::root_at(*writer.store.ledgers().node_source(petition_id), size);
  const std::string note =
      ledger::sign_checkpoint(ledger::Checkpoint{origin_of(writer.key, petition_id), size, root, {}}, *writer.key);
  writer.store.ledgers().add_checkpoint(petition_id, StoredCheckpoint{size, note, format_utc_timestamp(writer.now)});
}

}  // namespace

std::string origin_of(const std::optional<ledger::SignerKey>& key, std::int64_t petition_id) {
  return fmt::format("{}/petitions/{}", key ? key->name() : std::string("unsigned"), petition_id);
}

ReceiptNonce new_nonce() {
  ledger::ensure_sodium();
  ReceiptNonce nonce{};
  // All zeros means "no receipt"; 2^-128 to draw it, but a receipt must never be lost to it.
  while (is_zero(nonce)) randombytes_buf(nonce.data(), nonce.size());
  return nonce;
}

std::string online_receipt_text(const ReceiptNonce& nonce) {
  std::string code = receipt_code(nonce);
  std::erase(code, '-');
  return code;
}

ledger::Hash elector_hash_of(Store& store, std::int64_t petition_id, const std::string& elector_number) {
  return elector_hash(store.ledgers().petition_key(petition_id), elector_number);
}

std::uint64_t append(const LedgerWriter& writer, std::int64_t petition_id, std::span<const LedgerLeaf> leaves) {
  LedgerStore& ledgers = writer.store.ledgers();
  ledgers.lock_for_append(petition_id);
  if (leaves.empty()) return ledgers.size(petition_id);
  std::vector<LeafBytes> encoded;
  encoded.reserve(leaves.size());
  for (const LedgerLeaf& leaf : leaves) encoded.push_back(encode_leaf(leaf));
  const std::uint64_t first = ledgers.append(petition_id, encoded);
  maybe_checkpoint(writer, petition_id);
  return first;
}

void maybe_checkpoint(const LedgerWriter& writer, std::int64_t petition_id) {
  if (!writer.key) return;
  LedgerStore& ledgers = writer.store.ledgers();
  const std::uint64_t size = ledgers.size(petition_id);
  const std::optional<StoredCheckpoint> latest = ledgers.latest_checkpoint(petition_id);
  if (latest) {
    if (latest->tree_size >= size) return;
    // Both are "YYYY-MM-DDTHH:MM:SSZ", fixed width, so text order is time order.
    const std::string due_if_made_by =
        format_utc_timestamp(writer.now - PetitionService::checkpoint_interval_seconds);
    if (latest->created_at > due_if_made_by) return;
  }
  sign_checkpoint_now(writer, petition_id, size);
}

bool final_checkpoint(const LedgerWriter& writer, std::int64_t petition_id) {
  if (!writer.key) return false;
  LedgerStore& ledgers = writer.store.ledgers();
  const std::uint64_t size = ledgers.size(petition_id);
  if (!ledgers.checkpoint_at(petition_id, size)) sign_checkpoint_now(writer, petition_id, size);
  return true;
}

RecordedSheet record_sheet(const LedgerWriter& writer, SignatureSheet sheet, Date day) {
  Store& store = writer.store;
  store.ledgers().lock_for_append(sheet.petition_id);
  const bool names_elector = !sheet.elector_number.empty();

  LedgerLeaf leaf;
  leaf.petition_id = static_cast<std::uint64_t>(sheet.petition_id);
  leaf.channel = sheet.channel;
  leaf.day = day;
  leaf.place_id = static_cast<std::uint64_t>(sheet.place_id.value_or(0));
  if (names_elector) {
    leaf.elector_hash = elector_hash_of(store, sheet.petition_id, sheet.elector_number);
    leaf.nonce = new_nonce();
    if (sheet.channel == SigningChannel::online) sheet.receipt = online_receipt_text(leaf.nonce);
  }

  RecordedSheet out;
  try {
    out.sheet_id = store.petitions().add_signature(sheet);
    out.recorded = true;
    leaf.event = sheet.rejection ? LeafEvent::sheet_rejected : LeafEvent::sheet_accepted;
    leaf.rejection = sheet.rejection;
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::conflict || !names_elector) throw;
    // The database's UNIQUE (petition, elector) said no: a sheet already counts for this elector. The
    // statement did not fail (ON CONFLICT DO NOTHING), so the transaction goes on to record the attempt.
    store.petitions().add_double_signing_attempt(DoubleSigningAttempt{0, sheet.petition_id, sheet.elector_number,
                                                                      sheet.channel, sheet.place_id,
                                                                      sheet.recorded_by, sheet.recorded_at});
    leaf.event = LeafEvent::double_signing_attempt;
    leaf.nonce = {};  // nobody gets a receipt for a refusal
  }
  const LedgerLeaf appended[] = {leaf};
  append(writer, sheet.petition_id, appended);
  if (out.recorded && names_elector) out.receipt = Receipt{origin_of(writer.key, sheet.petition_id), leaf};
  return out;
}

LedgerLeaf postal_issue_leaf(const ElectorKey& elector_key, std::int64_t petition_id,
                             const std::string& elector_number, bool to_proxy, Date day) {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::postal_sheet_issued;
  leaf.petition_id = static_cast<std::uint64_t>(petition_id);
  leaf.channel = to_proxy ? SigningChannel::proxy_postal : SigningChannel::postal;
  leaf.day = day;
  leaf.elector_hash = elector_hash(elector_key, elector_number);
  return leaf;
}

LedgerLeaf termination_leaf(std::int64_t petition_id, Date day) {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::termination;
  leaf.petition_id = static_cast<std::uint64_t>(petition_id);
  leaf.day = day;
  return leaf;
}

}  // namespace recall::petition_ledger
