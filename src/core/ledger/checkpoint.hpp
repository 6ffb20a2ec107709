#pragma once
// C2SP tlog-checkpoint: a log's size and root hash as the text of a signed note,
//   <origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n]...
// The origin names the log; by convention it is also the name of the key that signs it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/hash.hpp"
#include "core/ledger/note_key.hpp"

namespace recall::ledger {

struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;  // further non-empty lines, kept in order

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The note text. Throws recall::Error (invalid_input) for an empty origin or extension line, or one
// holding a newline or other control character.
[[nodiscard]] std::string format_checkpoint(const Checkpoint& checkpoint);

// Strict: an empty origin, a size that is not canonical decimal (no sign, no leading zero, at most
// 2^64 - 1), a root that is not canonical base64 of 32 bytes, an empty extension line, or a missing
// final newline is rejected with recall::Error (invalid_input) naming the line.
[[nodiscard]] Checkpoint parse_checkpoint(std::string_view text);

// The signed note for checkpoint.
[[nodiscard]] std::string sign_checkpoint(const Checkpoint& checkpoint, const SignerKey& key);

// Verifies the note against key, then parses its text; throws recall::Error (invalid_input) if either
// fails, or if expected_origin is given and differs.
[[nodiscard]] Checkpoint open_checkpoint(std::string_view signed_note, const VerifierKey& key);
[[nodiscard]] Checkpoint open_checkpoint(std::string_view signed_note, const VerifierKey& key,
                                         std::string_view expected_origin);

}  // namespace recall::ledger
