#include "core/ledger/signed_note.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/note_text.hpp"

namespace recall::ledger {

namespace {

constexpr std::string_view signature_prefix = "\u2014 ";  // EM DASH, space
constexpr std::string_view note_file = "note";

SourceLocation note_line(int line) { return SourceLocation{std::string(note_file), line, 0, {}}; }

int count_lines(std::string_view text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string signature_line(std::string_view name, std::uint32_t key_hash, ByteView signature) {
  std::vector<std::uint8_t> blob{static_cast<std::uint8_t>(key_hash >> 24), static_cast<std::uint8_t>(key_hash >> 16),
                                 static_cast<std::uint8_t>(key_hash >> 8), static_cast<std::uint8_t>(key_hash)};
  blob.insert(blob.end(), signature.begin(), signature.end());
  return fmt::format("{}{} {}\n", signature_prefix, name, to_base64(blob));
}

NoteSignature parse_signature_line(std::string_view line, int line_number) {
  if (!line.starts_with(signature_prefix)) {
    throw_invalid("signature line must start with an em dash (U+2014) and a space", note_line(line_number));
  }
  const std::string_view rest = line.substr(signature_prefix.size());
  const std::size_t space = rest.find(' ');
  if (space == std::string_view::npos) {
    throw_invalid("signature line must be \"— <key name> <base64 signature>\"", note_line(line_number));
  }
  NoteSignature signature;
  signature.key_name = std::string(rest.substr(0, space));
  if (!is_valid_key_name(signature.key_name)) {
    throw_invalid(fmt::format("signature line has an invalid key name \"{}\"", signature.key_name),
                  note_line(line_number));
  }
  std::vector<std::uint8_t> blob;
  try {
    blob = from_base64(rest.substr(space + 1));
  } catch (const Error& error) {
    throw_invalid(fmt::format("signature by \"{}\" is not valid base64: {}", signature.key_name, error.message()),
                  note_line(line_number));
  }
  if (blob.size() < 5) {
    throw_invalid(fmt::format("signature by \"{}\" has {} bytes; it needs a 4-byte key hash and a signature",
                              signature.key_name, blob.size()),
                  note_line(line_number));
  }
  signature.key_hash = (std::uint32_t{blob[0]} << 24) | (std::uint32_t{blob[1]} << 16) |
                       (std::uint32_t{blob[2]} << 8) | blob[3];
  signature.signature.assign(blob.begin() + 4, blob.end());
  return signature;
}

}  // namespace

std::string sign_note(std::string_view text, std::span<const SignerKey> signers) {
  check_note_text(text, note_file);
  if (signers.empty()) throw_invalid("a signed note needs at least one signer");
  if (signers.size() > max_note_signatures) {
    throw_invalid(fmt::format("a signed note may carry at most {} signatures", max_note_signatures));
  }
  std::string out(text);
  out.push_back('\n');
  for (const SignerKey& signer : signers) {
    const Ed25519Signature signature = signer.sign(as_bytes(text));
    out += signature_line(signer.name(), signer.key_hash(), signature);
  }
  return out;
}

std::string sign_note(std::string_view text, const SignerKey& signer) { return sign_note(text, {&signer, 1}); }

SignedNote parse_signed_note(std::string_view message) {
  check_note_text(message, note_file);
  // Signature lines are never blank, so the last blank line is the one that ends the text.
  const std::size_t split = message.rfind("\n\n");
  if (split == std::string_view::npos) {
    throw_invalid("note has no blank line before a signature block, so it is not signed",
                  note_line(count_lines(message)));
  }
  SignedNote note;
  note.text = std::string(message.substr(0, split + 1));
  std::string_view block = message.substr(split + 2);
  if (block.empty()) throw_invalid("note has no signatures after its blank line", note_line(count_lines(message)));

  int line_number = count_lines(note.text) + 2;
  while (!block.empty()) {
    const std::size_t end = block.find('\n');  // present: the message ends with a newline
    if (note.signatures.size() == max_note_signatures) {
      throw_invalid(fmt::format("note has more than {} signatures", max_note_signatures), note_line(line_number));
    }
    NoteSignature signature = parse_signature_line(block.substr(0, end), line_number);
    for (const NoteSignature& seen : note.signatures) {
      if (seen.key_name == signature.key_name && seen.key_hash == signature.key_hash) {
        throw_invalid(fmt::format("note is signed twice by key \"{}\" ({:08x})", signature.key_name,
                                  signature.key_hash),
                      note_line(line_number));
      }
    }
    note.signatures.push_back(std::move(signature));
    block.remove_prefix(end + 1);
    ++line_number;
  }
  return note;
}

void verify_note(const SignedNote& note, const VerifierKey& key) {
  bool name_seen = false;
  std::uint32_t other_hash = 0;
  for (const NoteSignature& signature : note.signatures) {
    if (signature.key_name != key.name) continue;
    if (signature.key_hash != key.key_hash) {
      name_seen = true;
      other_hash = signature.key_hash;
      continue;
    }
    if (signature.signature.size() != Ed25519Signature{}.size()) {
      throw_invalid(fmt::format("signature by \"{}\" ({:08x}) has {} bytes; an Ed25519 signature has 64", key.name,
                                key.key_hash, signature.signature.size()));
    }
    if (!ed25519_verify(key.public_key, as_bytes(note.text), signature.signature)) {
      throw_invalid(fmt::format("signature by \"{}\" ({:08x}) does not verify: the note text has been altered or "
                                "was signed by a different key",
                                key.name, key.key_hash));
    }
    return;
  }
  if (name_seen) {
    throw_invalid(fmt::format("note is signed by a key named \"{}\" with key hash {:08x}, not the expected {:08x}",
                              key.name, other_hash, key.key_hash));
  }
  std::string signers;
  for (const NoteSignature& signature : note.signatures) {
    signers += fmt::format("{}\"{}\"", signers.empty() ? "" : ", ", signature.key_name);
  }
  throw_invalid(fmt::format("note has no signature by key \"{}\" (signed by {})", key.name, signers));
}

SignedNote open_note(std::string_view message, const VerifierKey& key) {
  SignedNote note = parse_signed_note(message);
  verify_note(note, key);
  return note;
}

}  // namespace recall::ledger
