#include "verify/published_receipt.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/ledger/merkle_log.hpp"

namespace recall {

std::optional<ReceiptProof> receipt_proof_from_leaves(const PublishedPetition& published, const ReceiptNonce& nonce) {
  constexpr std::size_t nonce_offset = leaf_size - std::tuple_size_v<ReceiptNonce>;
  std::optional<std::uint64_t> found;
  ledger::MerkleLog log;
  log.reserve(published.leaves.size());
  for (std::uint64_t index = 0; index < published.leaves.size(); ++index) {
    const auto& bytes = published.leaves[index];
    log.append(ledger::ByteView(bytes.data(), bytes.size()));
    if (!found && std::equal(nonce.begin(), nonce.end(), bytes.begin() + nonce_offset)) found = index;
  }
  if (!found) return std::nullopt;
  return ReceiptProof{*found, log.inclusion_proof(*found, log.size()), published.checkpoint};
}

ReceiptVerification verify_receipt_against_published(const ReceiptFile& file, const PublishedPetition& published,
                                                     const std::optional<std::string>& trusted_key) {
  const ledger::VerifierKey key = ledger::parse_verifier_key(trusted_key.value_or(published.verifier_key));
  ReceiptVerification out;
  if (file.proof) {
    out = verify_receipt(file, key);
    if (!out.ok) {
      out.message = "the receipt's own proof: " + out.message;
      return out;
    }
  }
  if (file.receipt.origin != published.origin) {
    out = ReceiptVerification{};
    out.message = fmt::format("the receipt is for log \"{}\", but the published petition is \"{}\"", file.receipt.origin,
                              published.origin);
    return out;
  }
  auto proof = receipt_proof_from_leaves(published, file.receipt.leaf.nonce);
  if (!proof) {
    out = ReceiptVerification{};
    out.message = fmt::format("no published leaf carries receipt code {}", receipt_code(file.receipt.leaf.nonce));
    return out;
  }
  if (published.leaves[proof->leaf_index] != encode_leaf(file.receipt.leaf)) {
    out = ReceiptVerification{};
    out.leaf_index = proof->leaf_index;
    out.message = fmt::format("leaf {} carries receipt code {} but is not the receipt's leaf", proof->leaf_index,
                              receipt_code(file.receipt.leaf.nonce));
    return out;
  }
  return verify_receipt(ReceiptFile{file.receipt, std::move(proof)}, key);
}

}  // namespace recall
