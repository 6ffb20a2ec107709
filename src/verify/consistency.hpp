#pragma once
// `recall verify consistency A B`: an observer who kept two signed checkpoints of a petition's log
// checks that the later one extends the earlier (the log was only appended to), given the RFC 6962
// consistency proof between their sizes. The proof comes as the JSON the server serves at
// /petitions/{id}/ledger/consistency?old=A&new=B,
//   {"old_size": 12, "new_size": 40, "proof": ["<base64 hash>", ...]}
// or is computed from a published petition's leaves.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/hash.hpp"
#include "core/ledger/note_key.hpp"
#include "verify/published_petition.hpp"

namespace recall {

struct ConsistencyProof {
  std::uint64_t old_size = 0;
  std::uint64_t new_size = 0;
  std::vector<ledger::Hash> proof;
  bool operator==(const ConsistencyProof&) const = default;
};

std::string format_consistency_proof_json(const ConsistencyProof& proof);
// Strict: an object with exactly those three members, sizes as non-negative integers, at most 64
// hashes each canonical base64 of 32 octets. Throws Error(invalid_input) naming `file`, the line and
// column of bad JSON, and the field ("proof[3]") of a bad member.
ConsistencyProof parse_consistency_proof_json(std::string_view text, const std::string& file);

// The proof between two sizes from the leaves alone. Throws Error(invalid_input) naming "old_size" or
// "new_size" unless old_size <= new_size <= the number of leaves.
ConsistencyProof consistency_proof_from_leaves(const PublishedPetition& published, std::uint64_t old_size,
                                               std::uint64_t new_size);

// A checkpoint as read from its file; the name is what messages call it.
struct NamedCheckpoint {
  std::string name;
  std::string note;  // the C2SP signed note
};

struct ConsistencyVerification {
  bool ok = false;
  std::string message;  // what was shown, or the first thing that failed
  std::uint64_t old_size = 0;
  std::uint64_t new_size = 0;
  std::string old_root_hex;
  std::string new_root_hex;
};

// In order: each checkpoint's signature under the key; both for the same log (origin); the old size at
// most the new; the proof is for those two sizes; the proof takes the old root to the new one. A
// failure is an answer (ok false, naming the first problem and the checkpoint's name), not an exception.
ConsistencyVerification verify_checkpoint_consistency(const NamedCheckpoint& old_checkpoint,
                                                      const NamedCheckpoint& new_checkpoint,
                                                      const ledger::VerifierKey& key, const ConsistencyProof& proof);

// The sizes two signed checkpoints state (for computing a proof from leaves before verifying); throws
// Error(invalid_input) naming the checkpoint if its structure is wrong. Signatures are not checked here.
std::uint64_t checkpoint_tree_size(const NamedCheckpoint& checkpoint);

}  // namespace recall
