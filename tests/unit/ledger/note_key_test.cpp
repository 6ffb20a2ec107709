#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/hash.hpp"
#include "core/ledger/note_key.hpp"

namespace recall::ledger {
namespace {

Ed25519Seed seed_of(std::uint8_t fill) {
  Ed25519Seed seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(fill + i);
  return seed;
}

std::string message_of(const auto& action) {
  try {
    action();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    return error.message();
  }
  ADD_FAILURE() << "no recall::Error thrown";
  return {};
}

TEST(NoteKey, KeyHashIsTheDocumentedDigestPrefix) {
  const SignerKey key("recall.example/petition/1", seed_of(1));
  std::vector<std::uint8_t> input{'r', 'e', 'c', 'a', 'l', 'l', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '/', 'p', 'e',
                                  't', 'i', 't', 'i', 'o', 'n', '/', '1', '\n', 0x01};
  input.insert(input.end(), key.public_key().begin(), key.public_key().end());
  const Hash digest = sha256(input);
  const std::uint32_t expected = (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) |
                                 (std::uint32_t{digest[2]} << 8) | digest[3];
  EXPECT_EQ(key.key_hash(), expected);
  EXPECT_EQ(ed25519_key_hash(key.name(), key.public_key()), expected);
}

TEST(NoteKey, SignerAndVerifierKeysRoundTrip) {
  const SignerKey key = generate_signer_key("recall.example/log");
  const std::string signer_text = encode_signer_key(key);
  const std::string verifier_text = encode_verifier_key(key.verifier());
  EXPECT_TRUE(signer_text.starts_with("PRIVATE+KEY+recall.example/log+"));
  // The key material starts with the algorithm byte 0x01, which base64 writes as 'A'.
  EXPECT_TRUE(verifier_text.starts_with(fmt::format("recall.example/log+{:08x}+A", key.key_hash())));

  const SignerKey parsed = parse_signer_key(signer_text);
  EXPECT_EQ(parsed.name(), key.name());
  EXPECT_EQ(parsed.seed(), key.seed());
  EXPECT_EQ(parsed.verifier(), key.verifier());
  EXPECT_EQ(parse_verifier_key(verifier_text), key.verifier());
  EXPECT_EQ(encode_signer_key(parsed), signer_text);
}

TEST(NoteKey, GeneratedKeysDiffer) {
  EXPECT_NE(generate_signer_key("a").public_key(), generate_signer_key("a").public_key());
}

TEST(NoteKey, SignaturesVerifyOnlyForTheirMessageAndKey) {
  const SignerKey key("k", seed_of(2));
  const SignerKey other("k", seed_of(3));
  const auto signature = key.sign(as_bytes("hello\n"));
  EXPECT_TRUE(ed25519_verify(key.public_key(), as_bytes("hello\n"), signature));
  EXPECT_FALSE(ed25519_verify(key.public_key(), as_bytes("hello!\n"), signature));
  EXPECT_FALSE(ed25519_verify(other.public_key(), as_bytes("hello\n"), signature));
  EXPECT_FALSE(ed25519_verify(key.public_key(), as_bytes("hello\n"), ByteView(signature).first(63)));
}

TEST(NoteKey, AcceptsLibsodiumSixtyFourByteSecretKeys) {
  const SignerKey key("k", seed_of(4));
  std::vector<std::uint8_t> material{0x01};
  const auto seed = key.seed();
  material.insert(material.end(), seed.begin(), seed.end());
  material.insert(material.end(), key.public_key().begin(), key.public_key().end());
  const std::string text = fmt::format("PRIVATE+KEY+k+{:08x}+{}", key.key_hash(), to_base64(material));
  EXPECT_EQ(parse_signer_key(text).verifier(), key.verifier());

  material.back() ^= 0x01;  // public half no longer matches the seed
  const std::string broken = fmt::format("PRIVATE+KEY+k+{:08x}+{}", key.key_hash(), to_base64(material));
  EXPECT_NE(message_of([&] { (void)parse_signer_key(broken); }).find("public half"), std::string::npos);
}

TEST(NoteKey, RejectsMalformedVerifierKeys) {
  const SignerKey key("log", seed_of(5));
  const std::string good = encode_verifier_key(key.verifier());
  const std::string hash = fmt::format("{:08x}", key.key_hash());
  const std::string material = good.substr(good.find('+', 4) + 1);
  ASSERT_EQ(good, "log+" + hash + "+" + material);

  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "form"},
      {"log", "form"},
      {"log+" + hash, "form"},
      {"+" + hash + "+" + material, "empty"},
      {"a log+" + hash + "+" + material, "white space"},
      {"log\xe2\x80\x83+" + hash + "+" + material, "white space"},  // EM SPACE
      {"log+" + hash.substr(1) + "+" + material, "8 hex digits"},
      {"log+" + hash + "0+" + material, "8 hex digits"},
      {"log+ZZZZZZZZ+" + material, "hex"},
      {"log+" + hash + "+" + material.substr(1), "base64"},
      {"log+" + hash + "+" + to_base64(std::vector<std::uint8_t>(33, 0x02)), "algorithm"},
      {"log+" + hash + "+" + to_base64(std::vector<std::uint8_t>(31, 0x01)), "30 key bytes"},
      {"log+00000000+" + material, "hashes to " + hash},
      {"other+" + hash + "+" + material, "hashes to"},
      {encode_signer_key(key), "signer (private) key"},
  };
  for (const Case& c : cases) {
    const std::string message = message_of([&] { (void)parse_verifier_key(c.text); });
    EXPECT_NE(message.find(c.says), std::string::npos) << c.text << " gave: " << message;
  }
}

TEST(NoteKey, RejectsMalformedSignerKeys) {
  const SignerKey key("log", seed_of(6));
  const std::string good = encode_signer_key(key);
  EXPECT_NE(message_of([&] { (void)parse_signer_key(encode_verifier_key(key.verifier())); }).find("PRIVATE+KEY+"),
            std::string::npos);
  std::string wrong_hash = good;
  wrong_hash.replace(16, 8, "00000000");
  EXPECT_NE(message_of([&] { (void)parse_signer_key(wrong_hash); }).find("hashes to"), std::string::npos);
  std::string short_seed = "PRIVATE+KEY+log+" + fmt::format("{:08x}", key.key_hash()) + "+" +
                           to_base64(std::vector<std::uint8_t>(17, 0x01));
  EXPECT_NE(message_of([&] { (void)parse_signer_key(short_seed); }).find("16 key bytes"), std::string::npos);
  EXPECT_NE(message_of([&] { (void)SignerKey("bad+name", seed_of(7)); }).find("'+'"), std::string::npos);
  EXPECT_NE(message_of([&] { (void)generate_signer_key(""); }).find("empty"), std::string::npos);
}

}  // namespace
}  // namespace recall::ledger
