#include "verify/verify_petition.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/note_key.hpp"

namespace recall {

namespace {
std::string with_where(const Error& error) {
  return error.where() ? fmt::format("{} ({})", error.message(), error.where()->describe()) : error.message();
}
// An earlier checkpoint the leaves do not extend would mean the log was rewritten after it was signed.
void check_earlier_checkpoints(const PublishedPetition& published, const ledger::VerifierKey& key,
                               const ledger::MerkleLog& log, PetitionVerification& out) {
  for (const std::string& note : published.checkpoints) {
    ledger::Checkpoint earlier;
    try {
      earlier = ledger::open_checkpoint(note, key, published.origin);
    } catch (const Error& e) {
      out.problems.push_back(Discrepancy{std::nullopt, "checkpoints/: " + with_where(e)});
      continue;
    }
    const std::string name = fmt::format("checkpoints/{}", earlier.size);
    if (earlier.size > log.size()) {
      out.problems.push_back(
          Discrepancy{std::nullopt, fmt::format("{} covers more leaves than leaves.bin holds ({})", name, log.size())});
    } else if (log.root_at(earlier.size) != earlier.root) {
      out.problems.push_back(Discrepancy{
          std::nullopt, fmt::format("{}: the root of the first {} leaves is {}, not the checkpoint's {}", name,
                                    earlier.size, ledger::hash_to_hex(log.root_at(earlier.size)),
                                    ledger::hash_to_hex(earlier.root))});
    }
  }
}

}  // namespace

PetitionVerification verify_published_petition(const PublishedPetition& published,
                                               const std::optional<std::string>& trusted_key) {
  PetitionVerification out;
  auto problem = [&](std::optional<std::uint64_t> leaf, std::string message) {
    out.problems.push_back(Discrepancy{leaf, std::move(message)});
  };

  ledger::Checkpoint checkpoint;
  ledger::VerifierKey key;
  try {
    key = ledger::parse_verifier_key(trusted_key.value_or(published.verifier_key));
    if (trusted_key && *trusted_key != published.verifier_key) {
      problem(std::nullopt, "key.pub is not the trusted key; checking the checkpoint against the trusted key");
    }
    checkpoint = ledger::open_checkpoint(published.checkpoint, key, published.origin);
  } catch (const Error& e) {
    problem(std::nullopt, "checkpoint: " + with_where(e));
    return out;  // nothing else can be trusted without a signed checkpoint
  }

  std::vector<LedgerLeaf> leaves;
  leaves.reserve(published.leaves.size());
  ledger::MerkleLog log;
  log.reserve(published.leaves.size());
  for (std::uint64_t index = 0; index < published.leaves.size(); ++index) {
    const auto& bytes = published.leaves[index];
    log.append(ledger::ByteView(bytes.data(), bytes.size()));
    try {
      leaves.push_back(decode_leaf(bytes));
    } catch (const Error& e) {
      const int column = e.where() ? e.where()->column : 0;
      problem(index, fmt::format("leaf {}, octet {}: {}", index, column, e.message()));
    }
  }
  out.tree_size = log.size();
  out.root_hex = ledger::hash_to_hex(log.root());
  if (log.size() != checkpoint.size) {
    problem(std::nullopt, fmt::format("the checkpoint covers {} leaves; leaves.bin holds {}", checkpoint.size, log.size()));
  } else if (log.root() != checkpoint.root) {
    problem(std::nullopt, fmt::format("the leaves' Merkle root {} is not the checkpoint's root {}", out.root_hex,
                                      ledger::hash_to_hex(checkpoint.root)));
  }
  check_earlier_checkpoints(published, key, log, out);
  out.recount = recount_leaves(leaves, published.petition_id, out.problems);
  compare_with_declaration(out.recount, published.declared, out.problems);
  return out;
}

}  // namespace recall
