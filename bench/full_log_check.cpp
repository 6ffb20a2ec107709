#include "full_log_check.hpp"

#include <cstdio>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bench_timing.hpp"
#include "core/base/error.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/note_key.hpp"
#include "verify/verify_petition.hpp"

namespace recall::bench {

namespace {

// Leaves per LedgerStore::leaves call: large enough that the per-query cost vanishes, small enough
// that one result set stays a few megabytes.
constexpr std::uint64_t read_chunk = 65'536;

[[noreturn]] void fail(std::string message) { throw Error(ErrorKind::internal, std::move(message)); }

void require_verified(const PetitionVerification& verification, std::uint64_t size, const LeafTally& tally,
                      std::string_view what) {
  if (!verification.ok()) {
    fail(fmt::format("{}: {} problems, the first: {}", what, verification.problems.size(),
                     verification.problems.front().message));
  }
  if (verification.tree_size != size || verification.recount.valid_signatures != tally.valid_signatures ||
      verification.recount.rejected != tally.rejected ||
      verification.recount.rejected_by_reason != tally.rejected_by_reason) {
    fail(fmt::format("{}: the recount ({} leaves, {} valid, {} rejected) is not what was appended ({}, {}, {})", what,
                     verification.tree_size, verification.recount.valid_signatures, verification.recount.rejected, size,
                     tally.valid_signatures, tally.rejected));
  }
}

}  // namespace

FullLogTimes check_full_log(Store& store, std::int64_t petition_id, std::uint64_t size, const ledger::Hash& expected_root,
                            const LeafTally& tally, const std::optional<std::filesystem::path>& export_dir) {
  FullLogTimes out;
  out.leaves = size;

  auto start = Clock::now();
  std::vector<LeafBytes> leaves;
  leaves.reserve(size);
  while (leaves.size() < size) {
    const std::vector<LeafBytes> chunk = store.ledgers().leaves(petition_id, leaves.size(), read_chunk);
    if (chunk.empty()) fail(fmt::format("the store returned {} leaves of {}", leaves.size(), size));
    leaves.insert(leaves.end(), chunk.begin(), chunk.end());
  }
  out.read_back_seconds = seconds_since(start);

  start = Clock::now();
  ledger::MerkleLog log;
  log.reserve(size);
  for (const LeafBytes& leaf : leaves) log.append(ledger::ByteView(leaf.data(), leaf.size()));
  const ledger::Hash root = log.root();
  out.root_seconds = seconds_since(start);
  if (root != expected_root) fail("the root recomputed from the stored leaves is not the log's root");

  const ledger::SignerKey key = ledger::generate_signer_key("bench.recall.example");
  PublishedPetition published = publish_bench_petition(petition_id, std::move(leaves), root, tally, key);
  start = Clock::now();
  const PetitionVerification verification = verify_published_petition(published);
  out.verify_seconds = seconds_since(start);
  require_verified(verification, size, tally, "verify_published_petition");

  if (export_dir) {
    std::filesystem::remove_all(*export_dir);
    write_published_petition(*export_dir, published);
    published = PublishedPetition{};  // free the leaves before reading a second copy
    std::fprintf(stderr, "  wrote %s; reading it back\n", export_dir->c_str());
    start = Clock::now();
    const PublishedPetition read = read_published_petition(*export_dir);
    out.read_files_seconds = seconds_since(start);
    require_verified(verify_published_petition(read), size, tally, "the files read back");
  }
  return out;
}

}  // namespace recall::bench
