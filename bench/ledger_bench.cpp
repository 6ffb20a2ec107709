// Ledger throughput: appends per second, and proofs generated and verified per second on in-memory
// logs of one and ten million leaves (the argument). Prints figures; asserts nothing about time.
#include <benchmark/benchmark.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/ledger/checkpoint.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/ledger/signed_note.hpp"

namespace {

using namespace recall::ledger;

constexpr std::uint64_t million = 1'000'000;

Hash leaf_for(std::uint64_t i) { return leaf_hash(std::to_string(i)); }

// Built once per size and shared: the benchmarks below read them and never append.
const MerkleLog& log_of(std::uint64_t size) {
  static std::map<std::uint64_t, MerkleLog> logs;
  auto [found, inserted] = logs.try_emplace(size);
  if (inserted) {
    found->second.reserve(size);
    for (std::uint64_t i = 0; i < size; ++i) found->second.append_leaf_hash(leaf_for(i));
  }
  return found->second;
}

std::uint64_t size_of(const benchmark::State& state) { return static_cast<std::uint64_t>(state.range(0)); }

// The log sizes issue 4 asks for.
void at_both_sizes(benchmark::internal::Benchmark* bench) { bench->Arg(million)->Arg(10 * million); }

void BM_Append(benchmark::State& state) {
  std::vector<Hash> leaves;
  for (std::uint64_t i = 0; i < 4096; ++i) leaves.push_back(leaf_for(i));
  MerkleLog log;
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(log.append_leaf_hash(leaves[next]));
    next = (next + 1) % leaves.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Append);

void BM_AppendLeafData(benchmark::State& state) {
  const std::string data(96, 'x');  // about the size of a signing-event leaf
  MerkleLog log;
  for (auto _ : state) benchmark::DoNotOptimize(log.append(data));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AppendLeafData);

void BM_RootAtEarlierSize(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& log = log_of(size);
  std::mt19937_64 random(1);
  for (auto _ : state) benchmark::DoNotOptimize(log.root_at(1 + random() % size));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RootAtEarlierSize)->Apply(at_both_sizes);

void BM_InclusionProof(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& log = log_of(size);
  std::mt19937_64 random(2);
  for (auto _ : state) benchmark::DoNotOptimize(log.inclusion_proof(random() % size, size));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InclusionProof)->Apply(at_both_sizes);

void BM_VerifyInclusion(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& log = log_of(size);
  const Hash root = log.root();
  const std::uint64_t index = 654'321;
  const auto proof = log.inclusion_proof(index, size);
  const Hash leaf = log.leaf_hash_at(index);
  for (auto _ : state) {
    if (!verify_inclusion(leaf, index, size, proof, root)) state.SkipWithError("honest proof failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyInclusion)->Apply(at_both_sizes);

void BM_ConsistencyProof(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& log = log_of(size);
  std::mt19937_64 random(3);
  for (auto _ : state) benchmark::DoNotOptimize(log.consistency_proof(1 + random() % (size - 1), size));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsistencyProof)->Apply(at_both_sizes);

void BM_VerifyConsistency(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& log = log_of(size);
  const std::uint64_t old_size = 333'333;
  const auto proof = log.consistency_proof(old_size, size);
  const Hash old_root = log.root_at(old_size);
  const Hash new_root = log.root();
  for (auto _ : state) {
    if (!verify_consistency(old_size, size, old_root, new_root, proof)) state.SkipWithError("honest proof failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyConsistency)->Apply(at_both_sizes);

// Recomputing the root from every leaf hash: what a full-log check costs beyond decoding the leaves.
void BM_RootFromAllLeaves(benchmark::State& state) {
  const std::uint64_t size = size_of(state);
  const MerkleLog& source = log_of(size);
  std::vector<Hash> leaves(size);
  for (std::uint64_t i = 0; i < size; ++i) leaves[i] = source.leaf_hash_at(i);
  for (auto _ : state) {
    MerkleLog log;
    log.reserve(size);
    for (const Hash& leaf : leaves) log.append_leaf_hash(leaf);
    benchmark::DoNotOptimize(log.root());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_RootFromAllLeaves)->Apply(at_both_sizes)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_SignCheckpoint(benchmark::State& state) {
  const SignerKey key = generate_signer_key("bench.example/log");
  const Checkpoint checkpoint{"bench.example/log", million, log_of(million).root(), {}};
  for (auto _ : state) benchmark::DoNotOptimize(sign_checkpoint(checkpoint, key));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignCheckpoint);

void BM_OpenCheckpoint(benchmark::State& state) {
  const SignerKey key = generate_signer_key("bench.example/log");
  const std::string note = sign_checkpoint({"bench.example/log", million, log_of(million).root(), {}}, key);
  const VerifierKey verifier = key.verifier();
  for (auto _ : state) benchmark::DoNotOptimize(open_checkpoint(note, verifier));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OpenCheckpoint);

}  // namespace

BENCHMARK_MAIN();
