// Stored petition ledgers (src/store/ledger_store.hpp) against the in-memory MerkleLog, in one run:
// group-commit append throughput; inclusion and consistency proofs read from the stored log (latency
// median and p99, and proofs generated per second) and verified per second; and full-log verification
// (bench/full_log_check.hpp). Every figure is printed beside the in-memory baseline of the same run,
// for docs/performance.md. It asserts only correctness: every stored proof equals the in-memory one
// and verifies, the stored leaves give the same root, and the published petition verifies.
//
//   ledger_store_bench [--leaves N] [--batch B] [--proofs K] [--db PATH] [--export DIR] [--keep]
//                      [--postgres-only] [--without-receipts]
//
// SQLite (a fresh file at PATH, deleted afterwards unless --keep) unless --postgres-only; PostgreSQL
// when RECALL_BENCH_POSTGRES_URL names a scratch database (the bench opens a petition of its own in it).
// With --export, the SQLite run also writes the published petition's files to DIR and times reading
// them back (deleted afterwards unless --keep). --without-receipts appends leaves with no receipt
// nonce, so the store's receipt index stays empty: the difference is what that index costs.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "bench_petition.hpp"
#include "bench_timing.hpp"
#include "core/base/error.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "full_log_check.hpp"
#include "store/store.hpp"

namespace {

using namespace recall;
using namespace recall::bench;
using recall::bench::Clock;  // not recall::Clock (core/auth/clock.hpp), a source of "now"

struct Options {
  std::uint64_t leaves = 1'000'000;
  std::size_t batch = 1000;
  std::size_t proofs = 10'000;
  std::string db = "/tmp/recall-ledger-store-bench.sqlite";
  std::optional<std::filesystem::path> export_dir;
  bool keep = false;
  bool postgres_only = false;
  bool with_receipts = true;
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw_invalid(fmt::format("{} needs a value", arg));
      return argv[++i];
    };
    if (arg == "--leaves") options.leaves = std::stoull(value());
    else if (arg == "--batch") options.batch = std::stoul(value());
    else if (arg == "--proofs") options.proofs = std::stoul(value());
    else if (arg == "--db") options.db = value();
    else if (arg == "--export") options.export_dir = value();
    else if (arg == "--keep") options.keep = true;
    else if (arg == "--postgres-only") options.postgres_only = true;
    else if (arg == "--without-receipts") options.with_receipts = false;
    else throw_invalid(fmt::format("unknown option {}", arg));
  }
  if (options.leaves < 2 || options.batch == 0 || options.proofs == 0) throw_invalid("need --leaves >= 2, --batch and --proofs > 0");
  if (options.postgres_only && std::getenv("RECALL_BENCH_POSTGRES_URL") == nullptr) {
    throw_invalid("--postgres-only needs RECALL_BENCH_POSTGRES_URL");
  }
  return options;
}

struct Filled {
  double store_seconds = 0;
  double memory_seconds = 0;
};

// Appends options.leaves leaves to both logs, one store transaction (group commit) per batch. Making
// the leaves (an HMAC each) is outside both timings.
Filled fill(Store& store, std::int64_t petition_id, BenchLeaves& maker, ledger::MerkleLog& memory,
            const Options& options) {
  std::vector<LeafBytes> batch;
  Filled out;
  std::uint64_t reported = 0;
  for (std::uint64_t done = 0; done < options.leaves;) {
    batch.clear();
    const std::uint64_t count = std::min<std::uint64_t>(options.batch, options.leaves - done);
    for (std::uint64_t i = 0; i < count; ++i) batch.push_back(maker.next());

    auto start = Clock::now();
    store.transaction([&] {
      store.ledgers().lock_for_append(petition_id);
      store.ledgers().append(petition_id, batch);
    });
    out.store_seconds += seconds_since(start);

    start = Clock::now();
    for (const LeafBytes& leaf : batch) memory.append(ledger::ByteView(leaf.data(), leaf.size()));
    out.memory_seconds += seconds_since(start);

    done += count;
    if (done * 10 / options.leaves != reported) {
      reported = done * 10 / options.leaves;
      std::fprintf(stderr, "  %llu leaves, %.0f s in the store\n", static_cast<unsigned long long>(done),
                   out.store_seconds);
    }
  }
  return out;
}

void proof_row(std::string_view what, const Latency& stored, const Latency& memory) {
  fmt::print("| {} | {:.1f} | {:.1f} | {:.0f} | {:.2f} | {:.2f} | {:.0f} | {:.1f}x |\n", what, stored.median, stored.p99,
             stored.per_second, memory.median, memory.p99, memory.per_second, stored.median / memory.median);
}

// Verification does not care where a proof came from; its baseline is generating the same proof in memory.
void verify_row(std::string_view what, const Latency& verified, const Latency& generated_in_memory) {
  fmt::print("| {} | {:.2f} | {:.2f} | {:.0f} | | | | {:.1f}x of in-memory generation |\n", what, verified.median,
             verified.p99, verified.per_second, verified.median / generated_in_memory.median);
}

void time_proofs(Store& store, std::int64_t petition_id, const ledger::MerkleLog& memory, const Options& options) {
  const std::uint64_t size = options.leaves;
  std::mt19937_64 random(1);
  std::vector<std::uint64_t> indices(options.proofs);
  for (auto& index : indices) index = random() % size;

  auto start = Clock::now();
  const auto stored = store.ledgers().node_source(petition_id);
  const double open_micros = seconds_since(start) * 1e6;
  const ledger::Hash root = ledger::root_at(*stored, size);
  if (root != memory.root()) throw Error(ErrorKind::internal, "stored root differs from the in-memory root");

  // Correctness first, untimed: every stored proof equals the in-memory one. The proofs, leaf hashes
  // and old roots are kept for the verification timings.
  std::vector<std::vector<ledger::Hash>> inclusion(indices.size());
  std::vector<std::vector<ledger::Hash>> consistency(indices.size());
  std::vector<ledger::Hash> leaf_hashes(indices.size());
  std::vector<ledger::Hash> old_roots(indices.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    inclusion[i] = ledger::inclusion_proof(*stored, indices[i], size);
    consistency[i] = ledger::consistency_proof(*stored, indices[i] + 1, size);
    if (inclusion[i] != memory.inclusion_proof(indices[i], size) ||
        consistency[i] != memory.consistency_proof(indices[i] + 1, size)) {
      throw Error(ErrorKind::internal, fmt::format("a stored proof for leaf {} differs", indices[i]));
    }
    leaf_hashes[i] = memory.leaf_hash_at(indices[i]);
    old_roots[i] = memory.root_at(indices[i] + 1);
  }

  const Latency stored_inclusion =
      time_each(indices, [&](std::uint64_t index) { (void)ledger::inclusion_proof(*stored, index, size); });
  const Latency memory_inclusion =
      time_each(indices, [&](std::uint64_t index) { (void)memory.inclusion_proof(index, size); });
  const Latency stored_fresh_view = time_each(indices, [&](std::uint64_t index) {
    (void)ledger::inclusion_proof(*store.ledgers().node_source(petition_id), index, size);
  });
  const Latency stored_consistency =
      time_each(indices, [&](std::uint64_t index) { (void)ledger::consistency_proof(*stored, index + 1, size); });
  const Latency memory_consistency =
      time_each(indices, [&](std::uint64_t index) { (void)memory.consistency_proof(index + 1, size); });

  std::size_t failures = 0;
  std::size_t position = 0;
  const Latency inclusion_verified = time_each(indices, [&](std::uint64_t index) {
    if (!ledger::verify_inclusion(leaf_hashes[position], index, size, inclusion[position], root)) ++failures;
    ++position;
  });
  position = 0;
  const Latency consistency_verified = time_each(indices, [&](std::uint64_t index) {
    if (!ledger::verify_consistency(index + 1, size, old_roots[position], root, consistency[position])) ++failures;
    ++position;
  });
  if (failures != 0) throw Error(ErrorKind::internal, fmt::format("{} stored proofs failed to verify", failures));

  fmt::print("node_source() (reads the size): {:.1f} us\n\n", open_micros);
  fmt::print("| {} proofs at {} leaves | stored median us | stored p99 us | stored per s | memory median us | "
             "memory p99 us | memory per s | stored/memory (median) |\n",
             options.proofs, size);
  fmt::print("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  proof_row("inclusion proof", stored_inclusion, memory_inclusion);
  proof_row("inclusion proof, view opened per proof", stored_fresh_view, memory_inclusion);
  proof_row("consistency proof", stored_consistency, memory_consistency);
  verify_row("verify an inclusion proof", inclusion_verified, memory_inclusion);
  verify_row("verify a consistency proof", consistency_verified, memory_consistency);
}

void report_full_log(const FullLogTimes& times, double memory_append_seconds) {
  const auto n = static_cast<double>(times.leaves);
  const auto row = [&](std::string_view what, double seconds) {
    fmt::print("| {} | {:.2f} | {:.0f} | {:.1f}x |\n", what, seconds, n / seconds, seconds / times.root_seconds);
  };
  fmt::print("\n| full log, {} leaves | seconds | leaves/s | against recomputing the root |\n", times.leaves);
  fmt::print("|---|---:|---:|---:|\n");
  row("read every leaf back from the store", times.read_back_seconds);
  row("recompute the root from them (in-memory MerkleLog, the baseline)", times.root_seconds);
  row("same appends during the fill (in-memory MerkleLog)", memory_append_seconds);
  row("verify_published_petition (signature, decode, root, recount, declaration)", times.verify_seconds);
  if (times.read_files_seconds) row("read_published_petition (files just written, in the page cache)", *times.read_files_seconds);
}

void run_backend(const std::string& label, const std::string& url, const Options& options,
                 const std::optional<std::filesystem::path>& export_dir) {
  fmt::print("\n## {} ({} leaves, batches of {}, {})\n\n", label, options.leaves, options.batch,
             options.with_receipts ? "a receipt nonce on every sheet naming an elector" : "no receipt nonces");
  std::fflush(stdout);
  auto store = open_store(url);
  const std::int64_t petition_id = open_bench_petition(*store);
  BenchLeaves maker(petition_id, store->ledgers().petition_key(petition_id), options.with_receipts);
  ledger::MerkleLog memory;
  memory.reserve(options.leaves);

  const Filled filled = fill(*store, petition_id, maker, memory, options);
  const auto leaves = static_cast<double>(options.leaves);
  fmt::print("| appends, {} leaves | seconds | leaves/s | memory/store |\n|---|---:|---:|---:|\n", options.leaves);
  fmt::print("| store | {:.1f} | {:.0f} | {:.0f}x |\n", filled.store_seconds, leaves / filled.store_seconds,
             filled.store_seconds / filled.memory_seconds);
  fmt::print("| in-memory log (baseline) | {:.2f} | {:.0f} | 1x |\n\n", filled.memory_seconds,
             leaves / filled.memory_seconds);
  std::fflush(stdout);

  time_proofs(*store, petition_id, memory, options);
  std::fflush(stdout);
  const ledger::Hash root = memory.root();
  memory = ledger::MerkleLog{};  // the full-log check holds several copies of the log of its own

  std::fprintf(stderr, "  full-log check\n");
  report_full_log(check_full_log(*store, petition_id, options.leaves, root, maker.tally(), export_dir),
                  filled.memory_seconds);
  std::fflush(stdout);
}

void remove_sqlite_files(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    if (!options.postgres_only) {
      remove_sqlite_files(options.db);
      run_backend("SQLite file " + options.db, options.db, options, options.export_dir);
      if (std::filesystem::exists(options.db)) {
        fmt::print("\nSQLite file: {:.0f} MB\n", static_cast<double>(std::filesystem::file_size(options.db)) / 1e6);
      }
      if (!options.keep) {
        remove_sqlite_files(options.db);
        if (options.export_dir) std::filesystem::remove_all(*options.export_dir);
      }
    }
    if (const char* postgres = std::getenv("RECALL_BENCH_POSTGRES_URL"); postgres != nullptr && *postgres != '\0') {
      run_backend("PostgreSQL", postgres, options, std::nullopt);
    }
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ledger_store_bench: %s\n", error.what());
    return 1;
  }
}
