// Ledger throughput: appends per second, and proofs generated and verified per second on an
// in-memory log of one million leaves. Prints figures; asserts nothing about time.
#include <benchmark/benchmark.h>

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

// Built once and shared: the benchmarks below read it and never append.
const MerkleLog& million_leaf_log() {
  static const MerkleLog log = [] {
    MerkleLog built;
    built.reserve(million);
    for (std::uint64_t i = 0; i < million; ++i) built.append_leaf_hash(leaf_for(i));
    return built;
  }();
  return log;
}

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
  const MerkleLog& log = million_leaf_log();
  std::mt19937_64 random(1);
  for (auto _ : state) benchmark::DoNotOptimize(log.root_at(1 + random() % million));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RootAtEarlierSize);

void BM_InclusionProof(benchmark::State& state) {
  const MerkleLog& log = million_leaf_log();
  std::mt19937_64 random(2);
  for (auto _ : state) benchmark::DoNotOptimize(log.inclusion_proof(random() % million, million));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InclusionProof);

void BM_VerifyInclusion(benchmark::State& state) {
  const MerkleLog& log = million_leaf_log();
  const Hash root = log.root();
  const std::uint64_t index = 654'321;
  const auto proof = log.inclusion_proof(index, million);
  const Hash leaf = log.leaf_hash_at(index);
  for (auto _ : state) {
    if (!verify_inclusion(leaf, index, million, proof, root)) state.SkipWithError("honest proof failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyInclusion);

void BM_ConsistencyProof(benchmark::State& state) {
  const MerkleLog& log = million_leaf_log();
  std::mt19937_64 random(3);
  for (auto _ : state) benchmark::DoNotOptimize(log.consistency_proof(1 + random() % (million - 1), million));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsistencyProof);

void BM_VerifyConsistency(benchmark::State& state) {
  const MerkleLog& log = million_leaf_log();
  const std::uint64_t old_size = 333'333;
  const auto proof = log.consistency_proof(old_size, million);
  const Hash old_root = log.root_at(old_size);
  const Hash new_root = log.root();
  for (auto _ : state) {
    if (!verify_consistency(old_size, million, old_root, new_root, proof)) state.SkipWithError("honest proof failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyConsistency);

void BM_SignCheckpoint(benchmark::State& state) {
  const SignerKey key = generate_signer_key("bench.example/log");
  const Checkpoint checkpoint{"bench.example/log", million, million_leaf_log().root(), {}};
  for (auto _ : state) benchmark::DoNotOptimize(sign_checkpoint(checkpoint, key));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignCheckpoint);

void BM_OpenCheckpoint(benchmark::State& state) {
  const SignerKey key = generate_signer_key("bench.example/log");
  const std::string note = sign_checkpoint({"bench.example/log", million, million_leaf_log().root(), {}}, key);
  const VerifierKey verifier = key.verifier();
  for (auto _ : state) benchmark::DoNotOptimize(open_checkpoint(note, verifier));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OpenCheckpoint);

}  // namespace

BENCHMARK_MAIN();
