// The ledger from end to end with the real binary: a petition simulated into a SQLite file, exported
// after its declaration, and checked by `recall verify petition | receipt | consistency` as an outside
// observer would; then tampered copies of each input, which must fail with exit 7 naming the problem,
// and unreadable input, which must fail as an input error naming the file.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/recall_process.hpp"
#include "core/ledger/encoding.hpp"
#include "core/petition/receipt.hpp"
#include "verify/consistency.hpp"
#include "verify/published_receipt.hpp"

namespace recall::testing {
namespace {
namespace fs = std::filesystem;

constexpr int verification_failed = 7;

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// One simulated, declared petition exported once for the whole suite (the simulation is the slow part).
class LedgerCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    work_ = fs::temp_directory_path() / ("recall-ledger-cli-" + std::to_string(::getpid()));
    fs::remove_all(work_);
    fs::create_directories(work_);
    const CommandRun simulated =
        run({"petition", "simulate", "--constituency", "E14000878", "--policy", "uk-2015", "--notice", "2019-03-05",
             "--electors", "400", "--signatures", "48", "--rejected", "4", "--seed", "11", "--db", db(), "--json"});
    ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
    petition_ = nlohmann::json::parse(simulated.out).at("petition").get<std::int64_t>();
    const CommandRun exported = run({"--db", db(), "petition", "export", "--petition", std::to_string(petition_),
                                     "--out", (work_ / "export").string(), "--json"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    export_json_ = nlohmann::json::parse(exported.out);
  }
  static void TearDownTestSuite() { fs::remove_all(work_); }

  static CommandRun run(const std::vector<std::string>& args) { return run_recall_in(work_, args); }
  static std::string db() { return (work_ / "recall.db").string(); }
  static fs::path exported() { return work_ / "export"; }

  // A copy of the export to tamper with, named after the test.
  static fs::path copy_of_export() {
    const fs::path copy = work_ / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(copy);
    fs::copy(exported(), copy, fs::copy_options::recursive);
    return copy;
  }

  // The first leaf with a receipt nonce, as a receipt file without proof, and its index.
  static std::pair<ReceiptFile, std::uint64_t> first_receipt() {
    const PublishedPetition published = read_published_petition(exported());
    for (std::uint64_t i = 0; i < published.leaves.size(); ++i) {
      const LedgerLeaf leaf = decode_leaf(published.leaves[i]);
      if (leaf.nonce != ReceiptNonce{}) return {ReceiptFile{Receipt{published.origin, leaf}, std::nullopt}, i};
    }
    ADD_FAILURE() << "no leaf has a receipt nonce";
    return {};
  }

  static inline fs::path work_;
  static inline std::int64_t petition_ = 0;
  static inline nlohmann::json export_json_;
};

TEST_F(LedgerCli, TheExportVerifies) {
  EXPECT_EQ(export_json_.at("petition"), petition_);
  EXPECT_EQ(export_json_.at("leaves"), export_json_.at("tree_size"));
  EXPECT_EQ(export_json_.at("valid_signatures"), 48);
  EXPECT_TRUE(fs::exists(exported() / "leaves.bin"));
  EXPECT_TRUE(fs::exists(exported() / "key.pub"));
  const CommandRun verified = run({"verify", "petition", exported().string()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("verified: " + export_json_.at("tree_size").dump() + " leaves"), std::string::npos)
      << verified.out;
  EXPECT_NE(verified.out.find("recount: 48 valid signatures, 4 rejected sheets"), std::string::npos) << verified.out;

  // The key beside the database is the one that signed, and `keys show` prints it.
  const CommandRun shown = run({"--db", db(), "keys", "show"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, slurp(exported() / "key.pub"));
  struct stat key_stat {};
  ASSERT_EQ(::stat((db() + ".ledger-key").c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
}

TEST_F(LedgerCli, TamperedExportsFailNamingTheProblem) {
  const std::string leaves = slurp(exported() / "leaves.bin");
  const std::size_t count = leaves.size() / leaf_size;
  ASSERT_GE(count, 3u);
  auto expect_failure = [&](const fs::path& dir, const std::string& message) {
    const CommandRun run_result = run({"verify", "petition", dir.string()});
    EXPECT_EQ(run_result.exit_code, verification_failed) << run_result.out << run_result.err;
    EXPECT_NE(run_result.err.find(message), std::string::npos) << dir << ": " << run_result.err;
  };

  const fs::path changed = copy_of_export();
  std::string bytes = leaves;
  bytes[leaf_size + 30] = static_cast<char>(bytes[leaf_size + 30] ^ 0x01);  // inside leaf 1's elector hash
  write_text(changed / "leaves.bin", bytes);
  expect_failure(changed, "is not the checkpoint's root");

  const fs::path deleted = copy_of_export();
  write_text(deleted / "leaves.bin", std::string(leaves).erase(2 * leaf_size, leaf_size));
  expect_failure(deleted, fmt::format("the checkpoint covers {} leaves; leaves.bin holds {}", count, count - 1));

  const fs::path swapped = copy_of_export();
  bytes = leaves;
  bytes.replace(0, leaf_size, leaves.substr(leaf_size, leaf_size));
  bytes.replace(leaf_size, leaf_size, leaves.substr(0, leaf_size));
  ASSERT_NE(bytes, leaves);
  write_text(swapped / "leaves.bin", bytes);
  expect_failure(swapped, "is not the checkpoint's root");

  const fs::path declared = copy_of_export();
  auto petition = nlohmann::json::parse(slurp(declared / "petition.json"));
  petition["declaration"]["valid_signatures"] = 49;
  write_text(declared / "petition.json", petition.dump(2));
  expect_failure(declared, "the leaves hold 48 valid signatures; the declaration says 49");

  const fs::path ragged = copy_of_export();  // not a discrepancy but unreadable input: exit 2 naming the file
  write_text(ragged / "leaves.bin", leaves + "x");
  const CommandRun unreadable = run({"verify", "petition", ragged.string()});
  EXPECT_EQ(unreadable.exit_code, 2) << unreadable.err;
  EXPECT_NE(unreadable.err.find("leaves.bin"), std::string::npos) << unreadable.err;
}

TEST_F(LedgerCli, AReceiptVerifiesAgainstThePublishedLeaves) {
  const auto [receipt, index] = first_receipt();
  const fs::path file = work_ / "receipt.txt";
  write_text(file, format_receipt_file(receipt));
  const CommandRun verified = run({"verify", "receipt", file.string(), "--published", exported().string()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("receipt " + receipt_code(receipt.receipt.leaf.nonce) + " verified"), std::string::npos)
      << verified.out;

  const CommandRun as_json = run({"verify", "receipt", file.string(), "--published", exported().string(), "--json"});
  EXPECT_EQ(as_json.exit_code, 0) << as_json.err;
  const auto result = nlohmann::json::parse(as_json.out);
  EXPECT_EQ(result.at("ok"), true);
  EXPECT_EQ(result.at("leaf_index"), index);

  // Without a proof and without the folder there is nothing to check against: an input error.
  const CommandRun no_proof = run({"verify", "receipt", file.string(), "--key", (exported() / "key.pub").string()});
  EXPECT_EQ(no_proof.exit_code, 2) << no_proof.err;
  EXPECT_NE(no_proof.err.find("--published"), std::string::npos) << no_proof.err;
}

TEST_F(LedgerCli, AReceiptWithItsProofVerifiesUnderTheKeyAlone) {
  const PublishedPetition published = read_published_petition(exported());
  auto [receipt, index] = first_receipt();
  receipt.proof = receipt_proof_from_leaves(published, receipt.receipt.leaf.nonce);
  ASSERT_TRUE(receipt.proof);
  const fs::path file = work_ / "proven-receipt.txt";
  write_text(file, format_receipt_file(receipt));
  const CommandRun verified = run({"verify", "receipt", file.string(), "--key", (exported() / "key.pub").string()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find(fmt::format("included at index {} of {}", index, published.leaves.size())),
            std::string::npos)
      << verified.out;

  const CommandRun no_key = run({"verify", "receipt", file.string()});
  EXPECT_EQ(no_key.exit_code, 2) << no_key.err;
  EXPECT_NE(no_key.err.find("--key"), std::string::npos) << no_key.err;
}

TEST_F(LedgerCli, TamperedReceiptsFail) {
  const PublishedPetition published = read_published_petition(exported());
  const auto [receipt, index] = first_receipt();

  ReceiptFile other_leaf = receipt;  // same nonce and code, another day
  other_leaf.receipt.leaf.day += std::chrono::days{1};
  write_text(work_ / "changed-leaf.txt", format_receipt_file(other_leaf));
  const CommandRun changed = run({"verify", "receipt", (work_ / "changed-leaf.txt").string(), "--published",
                                  exported().string()});
  EXPECT_EQ(changed.exit_code, verification_failed) << changed.err;
  EXPECT_NE(changed.err.find(fmt::format("leaf {} carries receipt code", index)), std::string::npos) << changed.err;

  ReceiptFile bad_proof = receipt;
  bad_proof.proof = receipt_proof_from_leaves(published, receipt.receipt.leaf.nonce);
  ASSERT_FALSE(bad_proof.proof->inclusion.empty());
  bad_proof.proof->inclusion.front()[0] ^= 0x01;
  write_text(work_ / "bad-proof.txt", format_receipt_file(bad_proof));
  const CommandRun proof_run =
      run({"verify", "receipt", (work_ / "bad-proof.txt").string(), "--key", (exported() / "key.pub").string()});
  EXPECT_EQ(proof_run.exit_code, verification_failed) << proof_run.err;
  EXPECT_NE(proof_run.err.find("the inclusion proof does not show this leaf"), std::string::npos) << proof_run.err;

  ReceiptFile unknown = receipt;  // a nonce nobody was given
  unknown.receipt.leaf.nonce.fill(0x5a);
  write_text(work_ / "unknown.txt", format_receipt_file(unknown));
  const CommandRun unknown_run =
      run({"verify", "receipt", (work_ / "unknown.txt").string(), "--published", exported().string(), "--json"});
  EXPECT_EQ(unknown_run.exit_code, verification_failed) << unknown_run.err;
  EXPECT_EQ(nlohmann::json::parse(unknown_run.out).at("message"),
            "no published leaf carries receipt code " + receipt_code(unknown.receipt.leaf.nonce));

  std::string text = format_receipt_file(receipt);  // a typo in the code line: unreadable, naming file and line
  text.replace(text.find("\ncode ") + 6, 4, "UUUU");
  write_text(work_ / "typo.txt", text);
  const CommandRun typo = run({"verify", "receipt", (work_ / "typo.txt").string(), "--published", exported().string()});
  EXPECT_EQ(typo.exit_code, 2) << typo.err;
  EXPECT_NE(typo.err.find((work_ / "typo.txt").string() + ":3 (field code)"), std::string::npos) << typo.err;

  const CommandRun missing = run({"verify", "receipt", (work_ / "nowhere.txt").string(), "--published",
                                  exported().string()});
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  EXPECT_NE(missing.err.find("nowhere.txt"), std::string::npos) << missing.err;
}

TEST_F(LedgerCli, CheckpointsAreConsistent) {
  std::vector<fs::path> earlier;
  if (fs::is_directory(exported() / "checkpoints")) {
    for (const auto& entry : fs::directory_iterator(exported() / "checkpoints")) earlier.push_back(entry.path());
  }
  ASSERT_FALSE(earlier.empty()) << "the simulation signed no checkpoint before the final one";
  std::sort(earlier.begin(), earlier.end());
  const std::string old_file = earlier.front().string();
  const std::string new_file = (exported() / "checkpoint").string();

  const CommandRun from_leaves = run({"verify", "consistency", old_file, new_file, "--published", exported().string()});
  EXPECT_EQ(from_leaves.exit_code, 0) << from_leaves.err;
  EXPECT_NE(from_leaves.out.find("consistent: "), std::string::npos) << from_leaves.out;

  // With the proof as the server serves it, and the key alone.
  const PublishedPetition published = read_published_petition(exported());
  const std::uint64_t old_size = std::stoull(earlier.front().filename().string());
  ConsistencyProof proof = consistency_proof_from_leaves(published, old_size, published.leaves.size());
  write_text(work_ / "proof.json", format_consistency_proof_json(proof));
  const std::string key = (exported() / "key.pub").string();
  const CommandRun with_proof =
      run({"verify", "consistency", old_file, new_file, "--key", key, "--proof", (work_ / "proof.json").string(), "--json"});
  EXPECT_EQ(with_proof.exit_code, 0) << with_proof.err;
  EXPECT_EQ(nlohmann::json::parse(with_proof.out).at("old_size"), old_size);

  ASSERT_FALSE(proof.proof.empty());
  proof.proof.back()[5] ^= 0x01;
  write_text(work_ / "wrong-proof.json", format_consistency_proof_json(proof));
  const CommandRun wrong =
      run({"verify", "consistency", old_file, new_file, "--key", key, "--proof", (work_ / "wrong-proof.json").string()});
  EXPECT_EQ(wrong.exit_code, verification_failed) << wrong.err;
  EXPECT_NE(wrong.err.find("the proof does not show the log of"), std::string::npos) << wrong.err;

  const CommandRun reversed = run({"verify", "consistency", new_file, old_file, "--published", exported().string()});
  EXPECT_EQ(reversed.exit_code, verification_failed) << reversed.err;
  EXPECT_NE(reversed.err.find("give the older checkpoint first"), std::string::npos) << reversed.err;

  const CommandRun no_proof = run({"verify", "consistency", old_file, new_file, "--key", key});
  EXPECT_EQ(no_proof.exit_code, 2) << no_proof.err;

  write_text(work_ / "broken.json", "{\"old_size\": 1,\n \"new_size\": }");
  const CommandRun broken =
      run({"verify", "consistency", old_file, new_file, "--key", key, "--proof", (work_ / "broken.json").string()});
  EXPECT_EQ(broken.exit_code, 2) << broken.err;
  EXPECT_NE(broken.err.find("broken.json:2:"), std::string::npos) << broken.err;
}

TEST_F(LedgerCli, ExportRefusesAnUnknownPetition) {
  const CommandRun unknown = run({"--db", db(), "petition", "export", "--petition", "999", "--out",
                                  (work_ / "nothing").string()});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_FALSE(fs::exists(work_ / "nothing"));
}

}  // namespace
}  // namespace recall::testing
