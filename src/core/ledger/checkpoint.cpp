#include "core/ledger/checkpoint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/note_text.hpp"
#include "core/ledger/signed_note.hpp"

namespace recall::ledger {

namespace {

constexpr std::string_view checkpoint_file = "checkpoint";

SourceLocation at_line(int line, std::string field) {
  return SourceLocation{std::string(checkpoint_file), line, 0, std::move(field)};
}

std::uint64_t parse_tree_size(std::string_view text) {
  const SourceLocation where = at_line(2, "tree size");
  if (text.empty()) throw_invalid("tree size is empty", where);
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw_invalid(fmt::format("tree size \"{}\" is not a decimal number", text), where);
  }
  if (text.size() > 1 && text.front() == '0') {
    throw_invalid(fmt::format("tree size \"{}\" has a leading zero", text), where);
  }
  std::uint64_t size = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw_invalid(fmt::format("tree size \"{}\" does not fit in 64 bits", text), where);
  }
  return size;
}

Hash parse_root(std::string_view text) {
  const SourceLocation where = at_line(3, "root hash");
  std::vector<std::uint8_t> bytes;
  try {
    bytes = from_base64(text);
  } catch (const Error& error) {
    throw_invalid(fmt::format("root hash is not valid base64: {}", error.message()), where);
  }
  if (bytes.size() != hash_size) {
    throw_invalid(fmt::format("root hash has {} bytes; a SHA-256 hash has {}", bytes.size(), hash_size), where);
  }
  Hash root{};
  std::copy(bytes.begin(), bytes.end(), root.begin());
  return root;
}

}  // namespace

std::string format_checkpoint(const Checkpoint& checkpoint) {
  if (checkpoint.origin.empty()) throw_invalid("checkpoint origin is empty", at_line(1, "origin"));
  if (checkpoint.origin.find('\n') != std::string::npos) {
    throw_invalid("checkpoint origin contains a newline", at_line(1, "origin"));
  }
  std::string text = fmt::format("{}\n{}\n{}\n", checkpoint.origin, checkpoint.size, to_base64(checkpoint.root));
  for (std::size_t i = 0; i < checkpoint.extensions.size(); ++i) {
    const std::string& extension = checkpoint.extensions[i];
    const SourceLocation where = at_line(static_cast<int>(i) + 4, "extension");
    if (extension.empty()) throw_invalid("checkpoint extension line is empty", where);
    if (extension.find('\n') != std::string::npos) throw_invalid("checkpoint extension line contains a newline", where);
    text += extension;
    text.push_back('\n');
  }
  check_note_text(text, checkpoint_file);  // control characters and UTF-8
  return text;
}

Checkpoint parse_checkpoint(std::string_view text) {
  check_note_text(text, checkpoint_file);
  std::vector<std::string_view> lines;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t end = rest.find('\n');  // present: the text ends with a newline
    lines.push_back(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  if (lines.size() < 3) {
    throw_invalid(fmt::format("checkpoint has {} lines; it needs origin, tree size and root hash", lines.size()),
                  at_line(static_cast<int>(lines.size()) + 1, {}));
  }
  Checkpoint checkpoint;
  if (lines[0].empty()) throw_invalid("checkpoint origin is empty", at_line(1, "origin"));
  checkpoint.origin = std::string(lines[0]);
  checkpoint.size = parse_tree_size(lines[1]);
  checkpoint.root = parse_root(lines[2]);
  for (std::size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      throw_invalid("checkpoint extension line is empty", at_line(static_cast<int>(i) + 1, "extension"));
    }
    checkpoint.extensions.emplace_back(lines[i]);
  }
  return checkpoint;
}

std::string sign_checkpoint(const Checkpoint& checkpoint, const SignerKey& key) {
  return sign_note(format_checkpoint(checkpoint), key);
}

Checkpoint open_checkpoint(std::string_view signed_note, const VerifierKey& key) {
  const SignedNote note = open_note(signed_note, key);
  return parse_checkpoint(note.text);
}

Checkpoint open_checkpoint(std::string_view signed_note, const VerifierKey& key, std::string_view expected_origin) {
  Checkpoint checkpoint = open_checkpoint(signed_note, key);
  if (checkpoint.origin != expected_origin) {
    throw_invalid(fmt::format("checkpoint is for log \"{}\", not \"{}\"", checkpoint.origin, expected_origin),
                  at_line(1, "origin"));
  }
  return checkpoint;
}

}  // namespace recall::ledger
