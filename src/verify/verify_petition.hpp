#pragma once
// `recall verify petition DIR`: checks a published petition from its files alone.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/petition/recount.hpp"
#include "verify/published_petition.hpp"

namespace recall {

struct PetitionVerification {
  std::uint64_t tree_size = 0;
  std::string root_hex;
  Recount recount;
  std::vector<Discrepancy> problems;  // in the order found; empty when everything holds
  [[nodiscard]] bool ok() const { return problems.empty(); }
};

// In order: the checkpoint's signature under the key (the folder's key.pub, or `trusted_key` when
// given, e.g. fetched from the deployment's well-known URL) and its origin; each leaf decodes; the
// number of leaves equals the checkpoint's size; the leaves' Merkle root equals the checkpoint's root;
// each earlier checkpoint (checkpoints/N) is signed by the same key for the same log and its root is
// the root of the first N leaves, so the log only grew; the recount matches the declared figures, which
// must follow the exact 10% rule.
PetitionVerification verify_published_petition(const PublishedPetition& published,
                                               const std::optional<std::string>& trusted_key = std::nullopt);

}  // namespace recall
