// A published petition written to a folder, read back and verified; then tampered copies, each of
// which must be rejected with a message that says what is wrong.
#include "verify/verify_petition.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/note_key.hpp"

namespace recall {
namespace {
namespace fs = std::filesystem;

const std::string origin = "recall.test/petitions/7";

PublishedPetition sample_petition(const ledger::SignerKey& key) {
  PublishedPetition out;
  out.petition_id = 7;
  out.origin = origin;
  out.ons_code = "E14000878";
  out.constituency = "Peterborough";
  out.policy_id = "uk-2015";
  ElectorKey elector_key{};
  elector_key.fill(3);
  ledger::MerkleLog log;
  for (int i = 0; i < 25; ++i) {
    LedgerLeaf leaf;
    leaf.petition_id = 7;
    leaf.day = make_date(2019, 3, 19) + std::chrono::days{i % 40};
    leaf.elector_hash = elector_hash(elector_key, "SA-" + std::to_string(i + 1));
    if (i % 5 == 4) {
      leaf.event = LeafEvent::sheet_rejected;
      leaf.channel = SigningChannel::postal;
      leaf.rejection = RejectionReason::identifiers_failed;
    } else {
      leaf.channel = SigningChannel::in_person;
      leaf.place_id = 1;
    }
    leaf.nonce.fill(static_cast<std::uint8_t>(i));
    out.leaves.push_back(encode_leaf(leaf));
    log.append(ledger::ByteView(out.leaves.back().data(), leaf_size));
  }
  out.declared.eligible = 200;
  out.declared.valid_signatures = 20;
  out.declared.rejected = 5;
  out.declared.rejected_by_reason[RejectionReason::identifiers_failed] = 5;
  out.declared.percent_tenths = 100;
  out.declared.successful = true;
  out.checkpoint = ledger::sign_checkpoint(ledger::Checkpoint{origin, log.size(), log.root(), {}}, key);
  out.verifier_key = ledger::encode_verifier_key(key.verifier());
  return out;
}

class PublishedPetitionFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("recall-verify-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    write_published_petition(dir_, sample_petition(key_));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> problems() {
    const auto verification = verify_published_petition(read_published_petition(dir_));
    std::vector<std::string> out;
    for (const auto& problem : verification.problems) out.push_back(problem.message);
    return out;
  }

  std::string leaves() {
    std::ifstream in(dir_ / "leaves.bin", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void set_leaves(const std::string& bytes) { std::ofstream(dir_ / "leaves.bin", std::ios::binary | std::ios::trunc) << bytes; }

  ledger::SignerKey key_ = ledger::generate_signer_key("recall.test");
  fs::path dir_;
};

TEST_F(PublishedPetitionFolder, AnHonestExportVerifies) {
  const auto verification = verify_published_petition(read_published_petition(dir_));
  EXPECT_TRUE(verification.ok()) << verification.problems.front().message;
  EXPECT_EQ(verification.tree_size, 25u);
  EXPECT_EQ(verification.recount.valid_signatures, 20);
  EXPECT_EQ(read_published_petition(dir_).leaves, sample_petition(key_).leaves);
}

TEST_F(PublishedPetitionFolder, OneChangedByteIsCaught) {
  auto bytes = leaves();
  bytes[3 * leaf_size + 30] = static_cast<char>(bytes[3 * leaf_size + 30] ^ 0x01);  // inside an elector hash
  set_leaves(bytes);
  const auto found = problems();
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found[0].find("is not the checkpoint's root"), std::string::npos) << found[0];
}

TEST_F(PublishedPetitionFolder, AChangedEventOctetIsNamed) {
  auto bytes = leaves();
  bytes[2 * leaf_size + 1] = 9;
  set_leaves(bytes);
  const auto found = problems();
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], "leaf 2, octet 2: unknown event 9");
}

TEST_F(PublishedPetitionFolder, ADeletedLeafIsCaught) {
  auto bytes = leaves();
  bytes.erase(5 * leaf_size, leaf_size);
  set_leaves(bytes);
  const auto found = problems();
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "the checkpoint covers 25 leaves; leaves.bin holds 24");
}

TEST_F(PublishedPetitionFolder, SwappedLeavesAreCaught) {
  auto bytes = leaves();
  const std::string first = bytes.substr(0, leaf_size);
  bytes.replace(0, leaf_size, bytes.substr(leaf_size, leaf_size));
  bytes.replace(leaf_size, leaf_size, first);
  set_leaves(bytes);
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("is not the checkpoint's root"), std::string::npos);
}

TEST_F(PublishedPetitionFolder, AChangedDeclaredCountIsCaught) {
  std::ifstream in(dir_ / "petition.json");
  auto petition = nlohmann::json::parse(in);
  petition["declaration"]["valid_signatures"] = 21;
  std::ofstream(dir_ / "petition.json", std::ios::trunc) << petition.dump(2);
  const auto found = problems();
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "the leaves hold 20 valid signatures; the declaration says 21");
}

TEST_F(PublishedPetitionFolder, ACheckpointSignedByAnotherKeyIsRefused) {
  const auto other = ledger::generate_signer_key("recall.test");
  const auto verification =
      verify_published_petition(read_published_petition(dir_), ledger::encode_verifier_key(other.verifier()));
  ASSERT_FALSE(verification.ok());
  EXPECT_EQ(verification.problems[0].message,
            "key.pub is not the trusted key; checking the checkpoint against the trusted key");
  EXPECT_EQ(verification.problems.back().message.rfind("checkpoint: ", 0), 0u);
}

TEST_F(PublishedPetitionFolder, MalformedFilesAreNamed) {
  set_leaves(leaves() + "x");
  try {
    (void)read_published_petition(dir_);
    FAIL() << "a ragged leaves.bin was read";
  } catch (const Error& e) {
    ASSERT_TRUE(e.where());
    EXPECT_NE(e.where()->file.find("leaves.bin"), std::string::npos);
    EXPECT_EQ(e.message(), "1801 octets is not a whole number of 72-octet leaves");
  }
  fs::remove(dir_ / "checkpoint");
  EXPECT_THROW((void)read_published_petition(dir_ / "nowhere"), Error);
}

}  // namespace
}  // namespace recall
