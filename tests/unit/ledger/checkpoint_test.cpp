#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/merkle_log.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/ledger/signed_note.hpp"

namespace recall::ledger {
namespace {

const std::string origin = "recall.example/petition/42";

Ed25519Seed seed_of(std::uint8_t fill) {
  Ed25519Seed seed{};
  seed.fill(fill);
  return seed;
}

std::string message_of(const auto& action) {
  try {
    action();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    return error.what();  // includes the location
  }
  ADD_FAILURE() << "no recall::Error thrown";
  return {};
}

class CheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 17; ++i) log_.append(fmt::format("signature event {}", i));
    checkpoint_ = Checkpoint{origin, log_.size(), log_.root(), {}};
  }
  MerkleLog log_;
  Checkpoint checkpoint_;
  SignerKey key_{origin, seed_of(1)};
};

TEST_F(CheckpointTest, FormatsTheBodyLineByLine) {
  EXPECT_EQ(format_checkpoint(checkpoint_), fmt::format("{}\n17\n{}\n", origin, to_base64(log_.root())));
  checkpoint_.extensions = {"timestamp 1700000000", "note: sealed"};
  EXPECT_EQ(format_checkpoint(checkpoint_),
            fmt::format("{}\n17\n{}\ntimestamp 1700000000\nnote: sealed\n", origin, to_base64(log_.root())));
}

TEST_F(CheckpointTest, ParsesWhatItFormats) {
  checkpoint_.extensions = {"ext one", "ext two"};
  EXPECT_EQ(parse_checkpoint(format_checkpoint(checkpoint_)), checkpoint_);
  const Checkpoint empty{origin, 0, empty_root(), {}};
  EXPECT_EQ(parse_checkpoint(format_checkpoint(empty)), empty);
  const Checkpoint largest{origin, 18446744073709551615u, empty_root(), {}};
  EXPECT_EQ(parse_checkpoint(format_checkpoint(largest)), largest);
}

TEST_F(CheckpointTest, SignAndOpenRoundTrip) {
  const std::string note = sign_checkpoint(checkpoint_, key_);
  EXPECT_TRUE(note.starts_with(format_checkpoint(checkpoint_) + "\n\u2014 " + origin + " "));
  EXPECT_EQ(open_checkpoint(note, key_.verifier()), checkpoint_);
  EXPECT_EQ(open_checkpoint(note, key_.verifier(), origin), checkpoint_);
  // The opened checkpoint is enough to check a receipt: an inclusion proof against its root.
  const Checkpoint opened = open_checkpoint(note, parse_verifier_key(encode_verifier_key(key_.verifier())));
  EXPECT_TRUE(verify_inclusion(leaf_hash("signature event 5"), 5, opened.size, log_.inclusion_proof(5, opened.size),
                               opened.root));
}

TEST_F(CheckpointTest, OpenRejectsForgeriesAndOtherLogs) {
  const std::string note = sign_checkpoint(checkpoint_, key_);
  std::string bigger = note;
  bigger.replace(bigger.find("\n17\n"), 4, "\n18\n");
  EXPECT_NE(message_of([&] { (void)open_checkpoint(bigger, key_.verifier()); }).find("does not verify"),
            std::string::npos);
  const SignerKey other("recall.example/petition/43", seed_of(2));
  EXPECT_NE(message_of([&] { (void)open_checkpoint(note, other.verifier()); }).find("no signature by key"),
            std::string::npos);
  EXPECT_NE(message_of([&] { (void)open_checkpoint(note, key_.verifier(), "recall.example/petition/43"); })
                .find("not \"recall.example/petition/43\""),
            std::string::npos);
  const std::string unsigned_body = format_checkpoint(checkpoint_);
  EXPECT_NE(message_of([&] { (void)open_checkpoint(unsigned_body, key_.verifier()); }).find("no blank line"),
            std::string::npos);
}

TEST_F(CheckpointTest, OpenRejectsASignedButMalformedBody) {
  // A valid signature does not make a bad checkpoint acceptable.
  const std::string note = sign_note(origin + "\n017\n" + to_base64(log_.root()) + "\n", key_);
  EXPECT_NE(message_of([&] { (void)open_checkpoint(note, key_.verifier()); }).find("leading zero"),
            std::string::npos);
}

TEST_F(CheckpointTest, ParseRejectsMalformedBodies) {
  const std::string root = to_base64(log_.root());
  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "empty"},
      {origin + "\n17\n", "2 lines"},
      {origin + "\n17\n" + root, "newline"},
      {"\n17\n" + root + "\n", "checkpoint:1 (field origin): checkpoint origin is empty"},
      {origin + "\n\n" + root + "\n", "checkpoint:2 (field tree size): tree size is empty"},
      {origin + "\n017\n" + root + "\n", "leading zero"},
      {origin + "\n00\n" + root + "\n", "leading zero"},
      {origin + "\n+17\n" + root + "\n", "not a decimal"},
      {origin + "\n-1\n" + root + "\n", "not a decimal"},
      {origin + "\n 17\n" + root + "\n", "not a decimal"},
      {origin + "\n17 \n" + root + "\n", "not a decimal"},
      {origin + "\n0x11\n" + root + "\n", "not a decimal"},
      {origin + "\n18446744073709551616\n" + root + "\n", "64 bits"},
      {origin + "\n17\n" + root.substr(0, root.size() - 1) + "\n", "checkpoint:3 (field root hash)"},
      {origin + "\n17\n" + to_base64(std::vector<std::uint8_t>(31, 1)) + "\n", "31 bytes"},
      {origin + "\n17\n" + to_base64(std::vector<std::uint8_t>(33, 1)) + "\n", "33 bytes"},
      {origin + "\n17\n" + hash_to_hex(log_.root()) + "\n", "root hash"},
      {origin + "\n17\n" + root + "\next\n\n", "checkpoint:5 (field extension): checkpoint extension line is empty"},
      {origin + "\n17\n" + root + "\r\n", "control character"},
  };
  for (const Case& c : cases) {
    const std::string message = message_of([&] { (void)parse_checkpoint(c.text); });
    EXPECT_NE(message.find(c.says), std::string::npos) << "for:\n" << c.text << "\ngave: " << message;
  }
}

TEST_F(CheckpointTest, FormatRefusesBodiesThatWouldNotParseBack) {
  Checkpoint bad = checkpoint_;
  bad.origin = "";
  EXPECT_NE(message_of([&] { (void)format_checkpoint(bad); }).find("origin is empty"), std::string::npos);
  bad.origin = "two\nlines";
  EXPECT_NE(message_of([&] { (void)format_checkpoint(bad); }).find("newline"), std::string::npos);
  bad = checkpoint_;
  bad.extensions = {"fine", ""};
  EXPECT_NE(message_of([&] { (void)format_checkpoint(bad); }).find("checkpoint:5"), std::string::npos);
  bad.extensions = {"a\nb"};
  EXPECT_NE(message_of([&] { (void)format_checkpoint(bad); }).find("newline"), std::string::npos);
  bad.extensions = {"tab\there"};
  EXPECT_NE(message_of([&] { (void)format_checkpoint(bad); }).find("control character"), std::string::npos);
}

}  // namespace
}  // namespace recall::ledger
