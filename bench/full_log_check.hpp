#pragma once
// Full-log verification of a stored petition ledger, timed step by step: read every leaf back from
// the store, recompute the Merkle root from them, publish them (signed final checkpoint, declared
// figures) and run verify_published_petition, the whole check `recall verify petition` makes; and,
// when asked, write the published files and time read_published_petition reading them back.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "bench_petition.hpp"
#include "core/ledger/hash.hpp"
#include "store/store.hpp"

namespace recall::bench {

struct FullLogTimes {
  std::uint64_t leaves = 0;
  double read_back_seconds = 0;   // LedgerStore::leaves, in chunks
  double root_seconds = 0;        // an in-memory MerkleLog over the leaves read back
  double verify_seconds = 0;      // verify_published_petition
  std::optional<double> read_files_seconds;  // read_published_petition, when files were written
};

// Throws Error(internal) if the recomputed root is not `expected_root`, or the verification finds
// anything wrong or recounts other figures than the tally. With `export_dir`, the files are written
// there (replacing the folder) and left for the caller to remove.
FullLogTimes check_full_log(Store& store, std::int64_t petition_id, std::uint64_t size, const ledger::Hash& expected_root,
                            const LeafTally& tally, const std::optional<std::filesystem::path>& export_dir);

}  // namespace recall::bench
