#pragma once
// C2SP signed notes: text, a blank line, then one line per signature,
//   "— <key name> <base64(4-byte key hash || signature)>\n"   (U+2014 EM DASH, then a space).
// Parsing checks structure only; verify_note decides whether a given key signed the text.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/note_key.hpp"

namespace recall::ledger {

// More signatures than this is treated as an attack on the verifier's time, not a note.
inline constexpr std::size_t max_note_signatures = 100;

struct NoteSignature {
  std::string key_name;
  std::uint32_t key_hash = 0;
  std::vector<std::uint8_t> signature;  // 64 bytes for Ed25519; other algorithms may differ

  friend bool operator==(const NoteSignature&, const NoteSignature&) = default;
};

struct SignedNote {
  std::string text;  // ends with "\n"; this is what is signed
  std::vector<NoteSignature> signatures;

  friend bool operator==(const SignedNote&, const SignedNote&) = default;
};

// The text followed by a signature line for each signer, in order. Throws recall::Error
// (invalid_input) if the text breaks the note rules (see check_note_text) or signers is empty.
[[nodiscard]] std::string sign_note(std::string_view text, std::span<const SignerKey> signers);
[[nodiscard]] std::string sign_note(std::string_view text, const SignerKey& signer);

// Throws recall::Error (invalid_input, with the line) for bad text, a missing blank line or
// signature block, a malformed signature line, a bad key name or base64, a signature shorter than
// its key hash plus one byte, the same key twice, or more than max_note_signatures.
[[nodiscard]] SignedNote parse_signed_note(std::string_view message);

// Throws recall::Error (invalid_input) unless note carries a signature by key (same name and key
// hash) that verifies over its text. Signatures by other keys are ignored.
void verify_note(const SignedNote& note, const VerifierKey& key);

// parse_signed_note then verify_note.
[[nodiscard]] SignedNote open_note(std::string_view message, const VerifierKey& key);

}  // namespace recall::ledger
