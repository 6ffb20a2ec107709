#include "verify/consistency.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/ledger/signed_note.hpp"

namespace recall {

namespace {
using nlohmann::json;

// A tree of at most 2^64 leaves has consistency proofs of at most about 2 * 64 hashes; the format
// allows no more than that, so a hostile file cannot make the verifier allocate without bound.
constexpr std::size_t max_proof_hashes = 128;

[[noreturn]] void bad_proof(const std::string& file, std::string field, std::string message, int line = 0,
                            int column = 0) {
  throw Error(ErrorKind::invalid_input, std::move(message), SourceLocation{file, line, column, std::move(field)});
}

// nlohmann reports a byte offset; people look for a line and column (both from 1). `offset` counts from 0.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto before = text.substr(0, offset);
  const int line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const auto last_newline = before.rfind('\n');
  const auto column = last_newline == std::string_view::npos ? offset + 1 : offset - last_newline;
  return {line, static_cast<int>(column)};
}

std::uint64_t size_member(const json& object, const char* name, const std::string& file) {
  if (!object.contains(name)) bad_proof(file, name, fmt::format("'{}' is missing", name));
  const json& value = object.at(name);
  if (!value.is_number_unsigned()) bad_proof(file, name, fmt::format("'{}' must be a whole number, at least 0", name));
  return value.get<std::uint64_t>();
}

std::string with_where(const Error& error) {
  return error.where() ? fmt::format("{} ({})", error.message(), error.where()->describe()) : error.message();
}
}  // namespace

std::string format_consistency_proof_json(const ConsistencyProof& proof) {
  json hashes = json::array();
  for (const auto& hash : proof.proof) hashes.push_back(ledger::to_base64(hash));
  return json{{"old_size", proof.old_size}, {"new_size", proof.new_size}, {"proof", hashes}}.dump(2) + "\n";
}

ConsistencyProof parse_consistency_proof_json(std::string_view text, const std::string& file) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    const auto [line, column] = line_and_column(text, e.byte == 0 ? 0 : e.byte - 1);
    bad_proof(file, {}, "not JSON", line, column);
  }
  if (!document.is_object()) bad_proof(file, {}, "must hold a JSON object");
  for (const auto& [name, value] : document.items()) {
    if (name != "old_size" && name != "new_size" && name != "proof") {
      bad_proof(file, name, fmt::format("unknown member '{}'", name));
    }
  }
  ConsistencyProof out;
  out.old_size = size_member(document, "old_size", file);
  out.new_size = size_member(document, "new_size", file);
  if (!document.contains("proof")) bad_proof(file, "proof", "'proof' is missing");
  const json& hashes = document.at("proof");
  if (!hashes.is_array()) bad_proof(file, "proof", "'proof' must be an array of base64 hashes");
  if (hashes.size() > max_proof_hashes) {
    bad_proof(file, "proof", fmt::format("'proof' has {} hashes; no proof needs more than {}", hashes.size(), max_proof_hashes));
  }
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    const std::string field = fmt::format("proof[{}]", i);
    if (!hashes[i].is_string()) bad_proof(file, field, fmt::format("'{}' must be a base64 string", field));
    std::vector<std::uint8_t> bytes;
    try {
      bytes = ledger::from_base64(hashes[i].get<std::string>());
    } catch (const Error& e) {
      bad_proof(file, field, fmt::format("'{}' is not valid base64: {}", field, e.message()));
    }
    if (bytes.size() != ledger::hash_size) {
      bad_proof(file, field, fmt::format("'{}' has {} octets; a hash has {}", field, bytes.size(), ledger::hash_size));
    }
    out.proof.emplace_back();
    std::copy(bytes.begin(), bytes.end(), out.proof.back().begin());
  }
  return out;
}

ConsistencyProof consistency_proof_from_leaves(const PublishedPetition& published, std::uint64_t old_size,
                                               std::uint64_t new_size) {
  if (new_size > published.leaves.size()) {
    throw_invalid(fmt::format("new size {} is beyond the {} published leaves", new_size, published.leaves.size()),
                  SourceLocation{"leaves.bin", 0, 0, "new_size"});
  }
  if (old_size > new_size) {
    throw_invalid(fmt::format("old size {} is larger than new size {}", old_size, new_size),
                  SourceLocation{"leaves.bin", 0, 0, "old_size"});
  }
  ledger::MerkleLog log;
  log.reserve(new_size);
  for (std::uint64_t i = 0; i < new_size; ++i) {
    log.append(ledger::ByteView(published.leaves[i].data(), published.leaves[i].size()));
  }
  return ConsistencyProof{old_size, new_size, log.consistency_proof(old_size, new_size)};
}

std::uint64_t checkpoint_tree_size(const NamedCheckpoint& checkpoint) {
  try {
    return ledger::parse_checkpoint(ledger::parse_signed_note(checkpoint.note).text).size;
  } catch (const Error& e) {
    const int line = e.where() ? e.where()->line : 0;
    throw Error(ErrorKind::invalid_input, fmt::format("not a signed checkpoint: {}", e.message()),
                SourceLocation{checkpoint.name, line, 0, "checkpoint"});
  }
}

ConsistencyVerification verify_checkpoint_consistency(const NamedCheckpoint& old_checkpoint,
                                                      const NamedCheckpoint& new_checkpoint,
                                                      const ledger::VerifierKey& key, const ConsistencyProof& proof) {
  ConsistencyVerification out;
  ledger::Checkpoint older;
  ledger::Checkpoint newer;
  for (const auto& [named, opened] : {std::pair{&old_checkpoint, &older}, std::pair{&new_checkpoint, &newer}}) {
    try {
      *opened = ledger::open_checkpoint(named->note, key);
    } catch (const Error& e) {
      out.message = fmt::format("{}: {}", named->name, with_where(e));
      return out;
    }
  }
  out.old_size = older.size;
  out.new_size = newer.size;
  out.old_root_hex = ledger::hash_to_hex(older.root);
  out.new_root_hex = ledger::hash_to_hex(newer.root);
  if (older.origin != newer.origin) {
    out.message = fmt::format("{} is for log \"{}\" but {} is for \"{}\"", old_checkpoint.name, older.origin,
                              new_checkpoint.name, newer.origin);
    return out;
  }
  if (older.size > newer.size) {
    out.message = fmt::format("{} has {} leaves, more than the {} of {}: give the older checkpoint first",
                              old_checkpoint.name, older.size, newer.size, new_checkpoint.name);
    return out;
  }
  if (proof.old_size != older.size || proof.new_size != newer.size) {
    out.message = fmt::format("the proof is between sizes {} and {}, but the checkpoints have {} and {}",
                              proof.old_size, proof.new_size, older.size, newer.size);
    return out;
  }
  if (!ledger::verify_consistency(older.size, newer.size, older.root, newer.root, proof.proof)) {
    out.message = fmt::format("the proof does not show the log of {} leaves ({}) extends the log of {} ({})",
                              newer.size, new_checkpoint.name, older.size, old_checkpoint.name);
    return out;
  }
  out.ok = true;
  out.message = fmt::format("{} ({} leaves) extends {} ({} leaves) of log \"{}\"", new_checkpoint.name, newer.size,
                            old_checkpoint.name, older.size, older.origin);
  return out;
}

}  // namespace recall
