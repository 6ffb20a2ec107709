#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/signed_note.hpp"

namespace recall::ledger {
namespace {

const std::string text = "recall.example/petition/42\n17\nq1MJ5p5H4WQOrlrnLqSG7SrqS1A8TeLqq6+ZkQl7ppg=\n";

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

class SignedNoteTest : public ::testing::Test {
 protected:
  SignerKey key_{"recall.example/petition/42", seed_of(1)};
  SignerKey witness_{"witness.example", seed_of(2)};
};

TEST_F(SignedNoteTest, SignsInTheDocumentedLayout) {
  const std::string note = sign_note(text, key_);
  ASSERT_TRUE(note.starts_with(text + "\n\u2014 recall.example/petition/42 "));
  const std::string encoded = note.substr(note.rfind(' ') + 1, note.size() - note.rfind(' ') - 2);
  const auto blob = from_base64(encoded);
  ASSERT_EQ(blob.size(), 68u);
  EXPECT_EQ(std::string(to_hex(ByteView(blob).first(4))), fmt::format("{:08x}", key_.key_hash()));
  EXPECT_TRUE(ed25519_verify(key_.public_key(), as_bytes(text), ByteView(blob).subspan(4)));
  EXPECT_EQ(note.back(), '\n');
}

TEST_F(SignedNoteTest, RoundTripsWithSeveralSigners) {
  const std::vector<SignerKey> signers{key_, witness_};
  const std::string message = sign_note(text, signers);
  const SignedNote note = parse_signed_note(message);
  EXPECT_EQ(note.text, text);
  ASSERT_EQ(note.signatures.size(), 2u);
  EXPECT_EQ(note.signatures[0].key_name, key_.name());
  EXPECT_EQ(note.signatures[0].key_hash, key_.key_hash());
  EXPECT_EQ(note.signatures[1].key_name, witness_.name());
  EXPECT_NO_THROW(verify_note(note, key_.verifier()));
  EXPECT_NO_THROW(verify_note(note, witness_.verifier()));
  EXPECT_EQ(open_note(message, witness_.verifier()), note);
}

TEST_F(SignedNoteTest, TextMayContainABlankLine) {
  const std::string with_blank = "first\n\nthird\n";
  EXPECT_EQ(open_note(sign_note(with_blank, key_), key_.verifier()).text, with_blank);
}

TEST_F(SignedNoteTest, IgnoresSignaturesByUnknownKeys) {
  // An unknown algorithm's signature of a different length is carried, not rejected.
  const std::string foreign = "\u2014 someone.else " + to_base64(std::vector<std::uint8_t>(40, 0x07)) + "\n";
  const std::string message = sign_note(text, key_) + foreign;
  const SignedNote note = open_note(message, key_.verifier());
  EXPECT_EQ(note.signatures.size(), 2u);
}

TEST_F(SignedNoteTest, RejectsAlteredTextAndForeignKeys) {
  const std::string message = sign_note(text, key_);
  std::string altered = message;
  altered[altered.find("17")] = '9';
  EXPECT_NE(message_of([&] { (void)open_note(altered, key_.verifier()); }).find("does not verify"), std::string::npos);

  // Same name, different key: the key hash tells them apart.
  const SignerKey impostor(key_.name(), seed_of(9));
  EXPECT_NE(message_of([&] { (void)open_note(sign_note(text, impostor), key_.verifier()); }).find("key hash"),
            std::string::npos);
  EXPECT_NE(message_of([&] { (void)open_note(message, witness_.verifier()); }).find("no signature by key"),
            std::string::npos);

  // Right name and key hash, but the signature was made by another key.
  VerifierKey lying = key_.verifier();
  lying.public_key = impostor.public_key();
  EXPECT_NE(message_of([&] { (void)open_note(message, lying); }).find("does not verify"), std::string::npos);

  // A flipped bit in the signature itself.
  const std::size_t start = message.rfind(' ') + 1;
  auto blob = from_base64(message.substr(start, message.size() - start - 1));
  blob[20] ^= 0x10;
  const std::string flipped = message.substr(0, start) + to_base64(blob) + "\n";
  EXPECT_NE(message_of([&] { (void)open_note(flipped, key_.verifier()); }).find("does not verify"), std::string::npos);
}

TEST_F(SignedNoteTest, RejectsAnEd25519SignatureOfTheWrongLength) {
  std::vector<std::uint8_t> blob{static_cast<std::uint8_t>(key_.key_hash() >> 24),
                                 static_cast<std::uint8_t>(key_.key_hash() >> 16),
                                 static_cast<std::uint8_t>(key_.key_hash() >> 8),
                                 static_cast<std::uint8_t>(key_.key_hash())};
  blob.resize(4 + 63, 0x01);
  const std::string message = text + "\n\u2014 " + key_.name() + " " + to_base64(blob) + "\n";
  EXPECT_NE(message_of([&] { (void)open_note(message, key_.verifier()); }).find("63 bytes"), std::string::npos);
}

TEST_F(SignedNoteTest, RejectsMalformedNotes) {
  const std::string good = sign_note(text, key_);
  const std::string line = good.substr(text.size() + 1);  // "— name sig\n"
  const std::string signature = line.substr(line.rfind(' ') + 1);
  struct Case {
    std::string message;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "empty"},
      {text, "no blank line"},
      {text + "\n", "no signatures"},
      {good.substr(0, good.size() - 1), "does not end with a newline"},
      {text + "\n" + line.substr(4), "em dash"},                                    // no dash
      {text + "\n- " + line.substr(4), "em dash"},                                  // ASCII hyphen
      {text + "\n\u2014" + line.substr(4), "em dash"},                              // no space
      {text + "\n\u2014 " + key_.name() + "\n", "must be"},                         // no signature
      {text + "\n\u2014 " + key_.name() + "  " + signature, "base64"},              // two spaces
      {text + "\n\u2014 " + key_.name() + " " + signature.substr(1), "base64"},     // cut base64
      {text + "\n\u2014 " + key_.name() + " AAAAAA==\n", "4-byte key hash"},       // too short
      {text + "\n\u2014 bad+name " + signature, "invalid key name"},
      {good + "\n", "no signatures"},                                                 // trailing blank line
      {good + line, "signed twice"},
      {"a\tb\n\n" + line, "control character"},
      {"caf\xc3\n\n" + line, "UTF-8"},
  };
  for (const Case& c : cases) {
    const std::string message = message_of([&] { (void)parse_signed_note(c.message); });
    EXPECT_NE(message.find(c.says), std::string::npos) << "for:\n" << c.message << "\ngave: " << message;
  }
}

TEST_F(SignedNoteTest, ReportsTheLineOfABadSignature) {
  const std::string message = sign_note(text, key_) + "not a signature\n";
  EXPECT_NE(message_of([&] { (void)parse_signed_note(message); }).find("note:6"), std::string::npos);
}

TEST_F(SignedNoteTest, CapsTheNumberOfSignatures) {
  std::string message = text + "\n";
  for (std::size_t i = 0; i <= max_note_signatures; ++i) {
    message += fmt::format("\u2014 signer{} AAAAAAA=\n", i);
  }
  EXPECT_NE(message_of([&] { (void)parse_signed_note(message); }).find("more than 100"), std::string::npos);
}

TEST_F(SignedNoteTest, RefusesToSignBadText) {
  EXPECT_NE(message_of([&] { (void)sign_note("no newline", key_); }).find("newline"), std::string::npos);
  EXPECT_NE(message_of([&] { (void)sign_note("", key_); }).find("empty"), std::string::npos);
  EXPECT_NE(message_of([&] { (void)sign_note(text, std::span<const SignerKey>{}); }).find("at least one"),
            std::string::npos);
}

// The example in the documentation of Go's golang.org/x/mod/sumdb/note package: an independent
// implementation's keys and signature, so ours must read them and, Ed25519 being deterministic,
// reproduce the signature byte for byte.
TEST(SignedNoteInterop, MatchesTheGoSumdbNoteExample) {
  const std::string signer_text = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  const std::string verifier_text = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  const std::string note_text =
      "If you think cryptography is the answer to your problem,\n"
      "then you don't know what your problem is.\n";
  const std::string signed_message =
      note_text +
      "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  const SignerKey signer = parse_signer_key(signer_text);
  const VerifierKey verifier = parse_verifier_key(verifier_text);
  EXPECT_EQ(signer.verifier(), verifier);
  EXPECT_EQ(encode_signer_key(signer), signer_text);
  EXPECT_EQ(encode_verifier_key(verifier), verifier_text);
  EXPECT_EQ(sign_note(note_text, signer), signed_message);
  EXPECT_EQ(open_note(signed_message, verifier).text, note_text);
}

}  // namespace
}  // namespace recall::ledger
