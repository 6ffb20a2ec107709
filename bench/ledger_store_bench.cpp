// Stored petition ledgers (src/store/ledger_store.hpp) against the in-memory MerkleLog, in one run:
// group-commit append throughput, then inclusion and consistency proof latency (median, p99) read
// from the stored log, and verification of the stored proofs. Prints figures for docs/performance.md;
// asserts only that every stored proof equals the in-memory one and verifies.
//
//   ledger_store_bench [--leaves N] [--batch B] [--proofs K] [--db PATH] [--keep]
//
// SQLite always (a fresh file at PATH, deleted afterwards unless --keep); PostgreSQL as well when
// RECALL_BENCH_POSTGRES_URL names a scratch database (the bench opens a petition of its own in it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_builder.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/register/synth.hpp"
#include "core/timetable/timetable.hpp"
#include "store/store.hpp"

namespace {

using namespace recall;
using Clock = std::chrono::steady_clock;

struct Options {
  std::uint64_t leaves = 1'000'000;
  std::size_t batch = 1000;
  std::size_t proofs = 10'000;
  std::string db = "/tmp/recall-ledger-store-bench.sqlite";
  bool keep = false;
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
    else if (arg == "--keep") options.keep = true;
    else throw_invalid(fmt::format("unknown option {}", arg));
  }
  if (options.leaves < 2 || options.batch == 0 || options.proofs == 0) throw_invalid("need --leaves >= 2, --batch and --proofs > 0");
  return options;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Latencies in microseconds, summarised.
struct Latency {
  double median = 0;
  double p99 = 0;
};

Latency summarise(std::vector<double> micros) {
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
  return {at(0.5), at(0.99)};
}

// Times `work` once per index, in microseconds.
Latency time_each(const std::vector<std::uint64_t>& indices, const std::function<void(std::uint64_t)>& work) {
  std::vector<double> micros;
  micros.reserve(indices.size());
  for (const std::uint64_t index : indices) {
    const auto start = Clock::now();
    work(index);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  return summarise(std::move(micros));
}

// A petition to hang the ledger on (the ledger tables refer to petitions): a tiny register and a
// timetable, in a constituency code of the bench's own so reruns against one PostgreSQL never clash.
std::int64_t open_bench_petition(Store& store) {
  const std::string ons_code = fmt::format("BENCH{}", Clock::now().time_since_epoch().count());
  const auto entries = synthesise_register({"PE1", "Peterborough", 10, 1, make_date(2019, 3, 5), make_date(2019, 5, 1)});
  std::size_t next = 0;
  const std::int64_t register_id =
      store.registers().import_register(ons_code, "bench", 1'551'000'000, [&](RegisterEntry& out) {
        if (next == entries.size()) return false;
        out = entries[next++];
        return true;
      });
  Petition petition;
  petition.ons_code = ons_code;
  petition.member_id = "bench";
  petition.mp_name = "Bench";
  petition.constituency_name = "Bench";
  petition.policy_id = "uk-2015";
  petition.condition = "custodial-sentence";
  petition.notice = make_date(2019, 3, 5);
  petition.timetable = compute_timetable(TimetableRules{}, HolidayRegion::england_and_wales, petition.notice);
  petition.register_id = register_id;
  petition.opened_at = "2019-03-05T16:30:00Z";
  return store.petitions().create_petition(petition);
}

// Leaf n of the bench petition: an accepted sheet with pseudo-random elector hash and nonce.
class LeafMaker {
 public:
  explicit LeafMaker(std::int64_t petition_id) : petition_id_(petition_id) {}

  LeafBytes make() {
    LedgerLeaf leaf;
    leaf.petition_id = static_cast<std::uint64_t>(petition_id_);
    leaf.channel = SigningChannel::in_person;
    leaf.day = make_date(2019, 3, 19);
    leaf.place_id = 1;
    fill(leaf.elector_hash);
    fill(leaf.nonce);
    return encode_leaf(leaf);
  }

 private:
  template <class Octets>
  void fill(Octets& octets) {
    for (auto& octet : octets) octet = static_cast<std::uint8_t>(random_());
  }
  std::int64_t petition_id_;
  std::mt19937_64 random_{2015};
};

struct Filled {
  double store_seconds = 0;
  double memory_seconds = 0;
};

// Appends options.leaves leaves to both logs, one store transaction (group commit) per batch.
Filled fill(Store& store, std::int64_t petition_id, ledger::MerkleLog& memory, const Options& options) {
  LeafMaker maker(petition_id);
  std::vector<LeafBytes> batch;
  Filled out;
  std::uint64_t reported = 0;
  for (std::uint64_t done = 0; done < options.leaves;) {
    batch.clear();
    const std::uint64_t count = std::min<std::uint64_t>(options.batch, options.leaves - done);
    for (std::uint64_t i = 0; i < count; ++i) batch.push_back(maker.make());

    auto start = Clock::now();
    store.transaction([&] {
      store.ledgers().lock_for_append(petition_id);
      store.ledgers().append(petition_id, batch);
    });
    out.store_seconds += seconds_since(start);

    start = Clock::now();
    for (const LeafBytes& leaf : batch) memory.append(leaf);
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

void report_row(std::string_view what, const Latency& stored, const Latency& memory) {
  fmt::print("| {} | {:.1f} | {:.1f} | {:.2f} | {:.2f} | {:.1f}x |\n", what, stored.median, stored.p99, memory.median,
             memory.p99, stored.median / memory.median);
}

int run_backend(const std::string& label, const std::string& url, const Options& options) {
  fmt::print("\n## {} ({} leaves, batches of {})\n\n", label, options.leaves, options.batch);
  auto store = open_store(url);
  const std::int64_t petition_id = open_bench_petition(*store);
  ledger::MerkleLog memory;
  memory.reserve(options.leaves);

  const Filled filled = fill(*store, petition_id, memory, options);
  const auto leaves = static_cast<double>(options.leaves);
  fmt::print("appends: store {:.0f} leaves/s ({:.1f} s), memory {:.0f} leaves/s; memory is {:.0f}x faster\n",
             leaves / filled.store_seconds, filled.store_seconds, leaves / filled.memory_seconds,
             filled.store_seconds / filled.memory_seconds);

  const std::uint64_t size = options.leaves;
  std::mt19937_64 random(1);
  std::vector<std::uint64_t> indices(options.proofs);
  for (auto& index : indices) index = random() % size;

  auto start = Clock::now();
  const auto stored = store->ledgers().node_source(petition_id);
  const double open_micros = seconds_since(start) * 1e6;
  const ledger::Hash root = ledger::root_at(*stored, size);
  if (root != memory.root()) throw Error(ErrorKind::internal, "stored root differs from the in-memory root");

  // Correctness first, untimed: every stored proof equals the in-memory one.
  std::vector<std::vector<ledger::Hash>> proofs(indices.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    proofs[i] = ledger::inclusion_proof(*stored, indices[i], size);
    if (proofs[i] != memory.inclusion_proof(indices[i], size)) {
      throw Error(ErrorKind::internal, fmt::format("stored proof for leaf {} differs", indices[i]));
    }
  }

  const Latency stored_inclusion =
      time_each(indices, [&](std::uint64_t index) { (void)ledger::inclusion_proof(*stored, index, size); });
  const Latency memory_inclusion =
      time_each(indices, [&](std::uint64_t index) { (void)memory.inclusion_proof(index, size); });
  const Latency stored_fresh_view = time_each(indices, [&](std::uint64_t index) {
    (void)ledger::inclusion_proof(*store->ledgers().node_source(petition_id), index, size);
  });
  const Latency stored_consistency =
      time_each(indices, [&](std::uint64_t index) { (void)ledger::consistency_proof(*stored, index + 1, size); });
  const Latency memory_consistency =
      time_each(indices, [&](std::uint64_t index) { (void)memory.consistency_proof(index + 1, size); });

  std::size_t position = 0;
  std::vector<ledger::Hash> leaf_hashes;
  for (const std::uint64_t index : indices) leaf_hashes.push_back(memory.leaf_hash_at(index));
  std::size_t failures = 0;
  const Latency verification = time_each(indices, [&](std::uint64_t index) {
    if (!ledger::verify_inclusion(leaf_hashes[position], index, size, proofs[position], root)) ++failures;
    ++position;
  });
  if (failures != 0) throw Error(ErrorKind::internal, fmt::format("{} stored proofs failed to verify", failures));

  fmt::print("node_source() (reads the size): {:.1f} us\n\n", open_micros);
  fmt::print("| {} proofs at {} leaves, microseconds | stored median | stored p99 | memory median | memory p99 | stored/memory |\n",
             options.proofs, size);
  fmt::print("|---|---:|---:|---:|---:|---:|\n");
  report_row("inclusion proof", stored_inclusion, memory_inclusion);
  report_row("inclusion proof, view opened per proof", stored_fresh_view, memory_inclusion);
  report_row("consistency proof", stored_consistency, memory_consistency);
  fmt::print("| verify a stored inclusion proof | {:.2f} | {:.2f} | | | |\n", verification.median, verification.p99);
  return 0;
}

void remove_sqlite_files(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    remove_sqlite_files(options.db);
    run_backend("SQLite file " + options.db, options.db, options);
    if (std::filesystem::exists(options.db)) {
      fmt::print("\nSQLite file: {:.0f} MB\n", static_cast<double>(std::filesystem::file_size(options.db)) / 1e6);
    }
    if (!options.keep) remove_sqlite_files(options.db);
    if (const char* postgres = std::getenv("RECALL_BENCH_POSTGRES_URL"); postgres != nullptr && *postgres != '\0') {
      run_backend("PostgreSQL", postgres, options);
    }
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ledger_store_bench: %s\n", error.what());
    return 1;
  }
}
