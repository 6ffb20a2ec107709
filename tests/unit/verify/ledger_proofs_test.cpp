// Earlier checkpoints in the published folder, receipts checked against the published leaves, and
// consistency between two signed checkpoints: honest inputs verify, and each kind of tampering fails
// naming what is wrong.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/signed_note.hpp"
#include "verify/consistency.hpp"
#include "verify/published_receipt.hpp"
#include "verify/verify_petition.hpp"

namespace recall {
namespace {
namespace fs = std::filesystem;

const std::string origin = "recall.test/petitions/9";

LedgerLeaf leaf_number(int i) {
  LedgerLeaf leaf;
  leaf.petition_id = 9;
  leaf.channel = SigningChannel::in_person;
  leaf.place_id = 1;
  leaf.day = make_date(2019, 3, 19);
  ElectorKey elector_key{};
  elector_key.fill(5);
  leaf.elector_hash = elector_hash(elector_key, "AB-" + std::to_string(i));
  leaf.nonce.fill(static_cast<std::uint8_t>(i + 1));
  return leaf;
}

// Twelve accepted sheets, with checkpoints signed at sizes 3 and 8 and the final one at 12.
struct Fixture {
  ledger::SignerKey key = ledger::generate_signer_key("recall.test");
  PublishedPetition published;
  std::vector<LedgerLeaf> leaves;

  Fixture() {
    published.petition_id = 9;
    published.origin = origin;
    published.ons_code = "W07000068";
    published.constituency = "Brecon and Radnorshire";
    published.policy_id = "uk-2015";
    ledger::MerkleLog log;
    for (int i = 0; i < 12; ++i) {
      leaves.push_back(leaf_number(i));
      published.leaves.push_back(encode_leaf(leaves.back()));
      log.append(ledger::ByteView(published.leaves.back().data(), leaf_size));
      if (log.size() == 3 || log.size() == 8) published.checkpoints.push_back(sign(log.size(), log.root()));
    }
    published.checkpoint = sign(log.size(), log.root());
    published.verifier_key = ledger::encode_verifier_key(key.verifier());
    published.declared.eligible = 100;
    published.declared.valid_signatures = 12;
    published.declared.percent_tenths = 120;
    published.declared.successful = true;
  }
  [[nodiscard]] std::string sign(std::uint64_t size, const ledger::Hash& root) const {
    return ledger::sign_checkpoint(ledger::Checkpoint{origin, size, root, {}}, key);
  }
};

std::vector<std::string> problems(const PublishedPetition& published) {
  std::vector<std::string> out;
  for (const auto& problem : verify_published_petition(published).problems) out.push_back(problem.message);
  return out;
}

TEST(EarlierCheckpoints, AreWrittenByTreeSizeAndReadBackInOrder) {
  const Fixture fixture;
  const fs::path dir = fs::temp_directory_path() / ("recall-checkpoints-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_published_petition(dir, fixture.published);
  EXPECT_TRUE(fs::exists(dir / "checkpoints" / "3"));
  EXPECT_TRUE(fs::exists(dir / "checkpoints" / "8"));
  const PublishedPetition read = read_published_petition(dir);
  EXPECT_EQ(read.checkpoints, fixture.published.checkpoints);
  EXPECT_TRUE(problems(read).empty());

  // Exported again with fewer checkpoints: the stale one goes.
  PublishedPetition fewer = fixture.published;
  fewer.checkpoints.pop_back();
  write_published_petition(dir, fewer);
  EXPECT_FALSE(fs::exists(dir / "checkpoints" / "8"));
  EXPECT_EQ(read_published_petition(dir).checkpoints.size(), 1u);

  // A checkpoint under another size's name is refused when read.
  fs::rename(dir / "checkpoints" / "3", dir / "checkpoints" / "4");
  try {
    (void)read_published_petition(dir);
    ADD_FAILURE() << "a misnamed checkpoint was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "the checkpoint's tree size is 3, not its file name 4");
    ASSERT_TRUE(e.where());
    EXPECT_NE(e.where()->file.find("checkpoints/4"), std::string::npos);
  }
  fs::rename(dir / "checkpoints" / "4", dir / "checkpoints" / "three");
  EXPECT_THROW((void)read_published_petition(dir), Error);
  fs::remove_all(dir / "checkpoints");
  EXPECT_TRUE(read_published_petition(dir).checkpoints.empty());  // the folder is optional
  fs::remove_all(dir);
}

TEST(EarlierCheckpoints, ARewrittenLogIsCaught) {
  Fixture fixture;
  // The same 8-leaf checkpoint, but the leaves were changed after it was signed and re-signed at 12.
  fixture.published.leaves[5][40] ^= 0x01;
  ledger::MerkleLog log;
  for (const auto& leaf : fixture.published.leaves) log.append(ledger::ByteView(leaf.data(), leaf.size()));
  fixture.published.checkpoint = fixture.sign(log.size(), log.root());
  const auto found = problems(fixture.published);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rfind("checkpoints/8: the root of the first 8 leaves is ", 0), 0u) << found[0];

  Fixture other_key;
  other_key.published.checkpoints[0] = ledger::sign_checkpoint(
      ledger::parse_checkpoint(ledger::parse_signed_note(other_key.published.checkpoints[0]).text),
      ledger::generate_signer_key("recall.test"));
  const auto unsigned_found = problems(other_key.published);
  ASSERT_EQ(unsigned_found.size(), 1u);
  EXPECT_EQ(unsigned_found[0].rfind("checkpoints/: ", 0), 0u) << unsigned_found[0];
}

TEST(PublishedReceipt, IsFoundByItsNonceAndProven) {
  const Fixture fixture;
  const ReceiptFile file{Receipt{origin, fixture.leaves[7]}, std::nullopt};
  const auto result = verify_receipt_against_published(file, fixture.published);
  EXPECT_TRUE(result.ok) << result.message;
  EXPECT_EQ(result.leaf_index, 7u);
  EXPECT_EQ(result.tree_size, 12u);

  const auto proof = receipt_proof_from_leaves(fixture.published, fixture.leaves[7].nonce);
  ASSERT_TRUE(proof);
  const ReceiptFile proven{file.receipt, proof};
  EXPECT_TRUE(verify_receipt(proven, fixture.key.verifier()).ok);
  EXPECT_TRUE(verify_receipt_against_published(proven, fixture.published).ok);
}

TEST(PublishedReceipt, FailsNamingTheProblem) {
  const Fixture fixture;
  ReceiptFile unknown{Receipt{origin, leaf_number(40)}, std::nullopt};
  EXPECT_EQ(verify_receipt_against_published(unknown, fixture.published).message,
            "no published leaf carries receipt code " + receipt_code(leaf_number(40).nonce));

  ReceiptFile changed{Receipt{origin, fixture.leaves[2]}, std::nullopt};
  changed.receipt.leaf.place_id = 4;
  EXPECT_EQ(verify_receipt_against_published(changed, fixture.published).message,
            "leaf 2 carries receipt code " + receipt_code(fixture.leaves[2].nonce) + " but is not the receipt's leaf");

  ReceiptFile elsewhere{Receipt{"recall.test/petitions/10", fixture.leaves[2]}, std::nullopt};
  EXPECT_EQ(verify_receipt_against_published(elsewhere, fixture.published).message,
            "the receipt is for log \"recall.test/petitions/10\", but the published petition is \"" + origin + "\"");

  PublishedPetition tampered = fixture.published;  // another leaf changed: the root no longer matches
  tampered.leaves[0][30] ^= 0x01;
  const ReceiptFile file{Receipt{origin, fixture.leaves[2]}, std::nullopt};
  EXPECT_EQ(verify_receipt_against_published(file, tampered).message,
            "the inclusion proof does not show this leaf at index 2 of the checkpoint's 12 leaves");

  const auto other = ledger::generate_signer_key("recall.test");
  const auto untrusted =
      verify_receipt_against_published(file, fixture.published, ledger::encode_verifier_key(other.verifier()));
  EXPECT_EQ(untrusted.message.rfind("checkpoint: ", 0), 0u) << untrusted.message;

  ReceiptFile bad_own_proof{file.receipt, receipt_proof_from_leaves(fixture.published, fixture.leaves[2].nonce)};
  bad_own_proof.proof->inclusion[0][0] ^= 0x01;
  EXPECT_EQ(verify_receipt_against_published(bad_own_proof, fixture.published).message,
            "the receipt's own proof: the inclusion proof does not show this leaf at index 2 of the checkpoint's 12 "
            "leaves");
}

TEST(Consistency, AnHonestPairVerifies) {
  const Fixture fixture;
  const NamedCheckpoint older{"checkpoints/3", fixture.published.checkpoints[0]};
  const NamedCheckpoint newer{"checkpoint", fixture.published.checkpoint};
  const auto proof = consistency_proof_from_leaves(fixture.published, 3, 12);
  const auto result = verify_checkpoint_consistency(older, newer, fixture.key.verifier(), proof);
  EXPECT_TRUE(result.ok) << result.message;
  EXPECT_EQ(result.message, "checkpoint (12 leaves) extends checkpoints/3 (3 leaves) of log \"" + origin + "\"");
  // The same checkpoint twice, with the empty proof.
  EXPECT_TRUE(verify_checkpoint_consistency(newer, newer, fixture.key.verifier(),
                                            consistency_proof_from_leaves(fixture.published, 12, 12))
                  .ok);
  EXPECT_EQ(checkpoint_tree_size(older), 3u);
  // Through the JSON the server serves.
  EXPECT_EQ(parse_consistency_proof_json(format_consistency_proof_json(proof), "proof.json"), proof);
}

TEST(Consistency, FailuresNameTheFirstProblem) {
  const Fixture fixture;
  const auto key = fixture.key.verifier();
  const NamedCheckpoint three{"A", fixture.published.checkpoints[0]};
  const NamedCheckpoint eight{"B", fixture.published.checkpoints[1]};
  const auto proof = consistency_proof_from_leaves(fixture.published, 3, 8);

  EXPECT_EQ(verify_checkpoint_consistency(eight, three, key, proof).message,
            "B has 8 leaves, more than the 3 of A: give the older checkpoint first");

  auto wrong = proof;
  wrong.proof[0][3] ^= 0x01;
  EXPECT_EQ(verify_checkpoint_consistency(three, eight, key, wrong).message,
            "the proof does not show the log of 8 leaves (B) extends the log of 3 (A)");
  auto short_proof = proof;
  short_proof.proof.pop_back();
  EXPECT_FALSE(verify_checkpoint_consistency(three, eight, key, short_proof).ok);

  EXPECT_EQ(verify_checkpoint_consistency(three, eight, key, consistency_proof_from_leaves(fixture.published, 3, 12)).message,
            "the proof is between sizes 3 and 12, but the checkpoints have 3 and 8");

  const auto other = ledger::generate_signer_key("recall.test");
  EXPECT_EQ(verify_checkpoint_consistency(three, eight, other.verifier(), proof).message.rfind("A: ", 0), 0u);

  NamedCheckpoint altered = eight;  // the root line no longer matches the signature
  altered.note.replace(altered.note.find("\n8\n"), 3, "\n9\n");
  EXPECT_EQ(verify_checkpoint_consistency(three, altered, key, proof).message.rfind("B: ", 0), 0u);

  const auto root = ledger::parse_checkpoint(ledger::parse_signed_note(eight.note).text).root;
  const NamedCheckpoint other_log{"B", ledger::sign_checkpoint(ledger::Checkpoint{"recall.test/petitions/10", 8, root, {}},
                                                               fixture.key)};
  EXPECT_EQ(verify_checkpoint_consistency(three, other_log, key, proof).message,
            "A is for log \"" + origin + "\" but B is for \"recall.test/petitions/10\"");
}

TEST(Consistency, ProofsFromLeavesStayWithinThem) {
  const Fixture fixture;
  try {
    (void)consistency_proof_from_leaves(fixture.published, 3, 13);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "new size 13 is beyond the 12 published leaves");
  }
  try {
    (void)consistency_proof_from_leaves(fixture.published, 9, 8);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "old size 9 is larger than new size 8");
  }
  try {
    (void)checkpoint_tree_size(NamedCheckpoint{"A", "not a note\n"});
    ADD_FAILURE();
  } catch (const Error& e) {
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->file, "A");
  }
}

std::string json_error(const std::string& text) {
  try {
    (void)parse_consistency_proof_json(text, "proof.json");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    if (!e.where()) return "no location";
    return e.where()->describe() + ": " + e.message();
  }
  return "parsed";
}

TEST(ConsistencyProofJson, MalformedFilesAreNamed) {
  const std::string hash = ledger::to_base64(ledger::Hash{});
  EXPECT_EQ(json_error("{\n  \"old_size\": 1,\n  oops\n}"), "proof.json:3:3: not JSON");
  EXPECT_EQ(json_error("[]"), "proof.json: must hold a JSON object");
  EXPECT_EQ(json_error(R"({"new_size": 2, "proof": []})"), "proof.json (field old_size): 'old_size' is missing");
  EXPECT_EQ(json_error(R"({"old_size": -1, "new_size": 2, "proof": []})"),
            "proof.json (field old_size): 'old_size' must be a whole number, at least 0");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": "2", "proof": []})"),
            "proof.json (field new_size): 'new_size' must be a whole number, at least 0");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2})"), "proof.json (field proof): 'proof' is missing");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2, "proof": "x"})"),
            "proof.json (field proof): 'proof' must be an array of base64 hashes");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2, "proof": [], "extra": 1})"),
            "proof.json (field extra): unknown member 'extra'");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2, "proof": [")" + hash + R"(", 7]})"),
            "proof.json (field proof[1]): 'proof[1]' must be a base64 string");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2, "proof": ["AAAA"]})"),
            "proof.json (field proof[0]): 'proof[0]' has 3 octets; a hash has 32");
  EXPECT_EQ(json_error(R"({"old_size": 1, "new_size": 2, "proof": ["A A="]})").rfind(
                "proof.json (field proof[0]): 'proof[0]' is not valid base64: ", 0),
            0u);
}

}  // namespace
}  // namespace recall
