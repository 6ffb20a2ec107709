#pragma once
// A signer's receipt (issue 4, ARCHITECTURE.md "The ledger"): the leaf their signing sheet was appended
// as, whose random nonce only they (and the sealed log) hold. After the close the receipt, with an
// inclusion proof to the published checkpoint, shows anyone that the sheet is in the counted log, and
// it names nobody: the elector appears only as the keyed hash inside the leaf.
//
// The printable code is the nonce alone (what a signer copies down or types into the verify page);
// the receipt file (docs/ledger-format.md "Receipts") carries the whole leaf and, once fetched after
// the close, the proof and the signed checkpoint, so it can be checked offline with
// `recall verify receipt FILE`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/hash.hpp"
#include "core/ledger/note_key.hpp"
#include "core/petition/ledger_leaf.hpp"

namespace recall {

struct Receipt {
  std::string origin;  // the petition log's origin line, e.g. "recall.example.org/petitions/7"
  LedgerLeaf leaf;     // as appended; leaf.nonce is the receipt's secret and never all zeros
  bool operator==(const Receipt&) const = default;
};

// Where the leaf sits in a published checkpoint's tree, and the audit path that shows it.
struct ReceiptProof {
  std::uint64_t leaf_index = 0;
  std::vector<ledger::Hash> inclusion;  // nearest the leaf first, to the checkpoint's tree size
  std::string checkpoint;               // the C2SP signed note, verbatim
  bool operator==(const ReceiptProof&) const = default;
};

struct ReceiptFile {
  Receipt receipt;
  std::optional<ReceiptProof> proof;  // absent on the receipt given at signing (the log is sealed then)
  bool operator==(const ReceiptFile&) const = default;
};

// The nonce as 26 Crockford base32 characters in hyphenated groups of four ("7K3M-Q2HD-...-XY").
std::string receipt_code(const ReceiptNonce& nonce);
// Case-insensitive; ignores spaces and hyphens; reads I and L as 1 and O as 0. nullopt for anything
// else, a wrong length, or nonzero padding bits.
std::optional<ReceiptNonce> parse_receipt_code(std::string_view text);

// The text file (docs/ledger-format.md "Receipts").
std::string format_receipt_file(const ReceiptFile& file);
// Throws Error(invalid_input) naming the line (SourceLocation.line) and the field for anything
// malformed: an unknown first line, a missing or repeated field, bad base64, a leaf that does not
// decode, a code that does not match the leaf's nonce, a proof without its checkpoint.
ReceiptFile parse_receipt_file(std::string_view text);

struct ReceiptVerification {
  bool ok = false;
  std::string message;  // what was checked, or the first thing that failed
  std::uint64_t tree_size = 0;
  std::uint64_t leaf_index = 0;
};
// Checks, in order: a proof is present; the checkpoint's signature under `key`; the checkpoint's
// origin equals the receipt's; the leaf is included at leaf_index in the checkpoint's tree. A failure
// is an answer (ok false with the reason), not an exception.
ReceiptVerification verify_receipt(const ReceiptFile& file, const ledger::VerifierKey& key);

}  // namespace recall
