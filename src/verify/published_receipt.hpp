#pragma once
// `recall verify receipt FILE --published DIR`: a receipt checked against a published petition's
// leaves rather than a proof the server handed out. The leaf is found by its nonce (only the signer
// and the log hold it), its audit path is computed from leaves.bin, and the proof is checked against
// the folder's signed checkpoint like any other (core/petition/receipt.hpp, verify_receipt).
#include <optional>
#include <string>

#include "core/ledger/note_key.hpp"
#include "core/petition/receipt.hpp"
#include "verify/published_petition.hpp"

namespace recall {

// The index of the leaf carrying this nonce, its audit path to the folder's final checkpoint and that
// checkpoint; nullopt when no leaf carries the nonce. The leaves are trusted as given: verify_receipt
// on the result is what checks them against the signed root.
std::optional<ReceiptProof> receipt_proof_from_leaves(const PublishedPetition& published, const ReceiptNonce& nonce);

// In order: the receipt is for the folder's log (origin); a leaf carries its nonce; that leaf is the
// receipt's, octet for octet; the proof from the leaves verifies under the key (the folder's key.pub,
// or `trusted_key`). A proof the receipt carries itself is checked first, under the same key. Failures
// are answers (ok false, naming the first), not exceptions; a key that does not parse throws.
ReceiptVerification verify_receipt_against_published(const ReceiptFile& file, const PublishedPetition& published,
                                                     const std::optional<std::string>& trusted_key = std::nullopt);

}  // namespace recall
