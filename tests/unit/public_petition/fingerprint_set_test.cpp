#include <gtest/gtest.h>

#include <sodium.h>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/public_petition/canonical_email.hpp"
#include "core/public_petition/fingerprint_set.hpp"
#include "core/public_petition/siphash.hpp"

namespace recall::public_petition {
namespace {

SipKey counting_key() {
  SipKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i);
  return key;
}

std::vector<std::uint8_t> counting_message(std::size_t length) {
  std::vector<std::uint8_t> message(length);
  for (std::size_t i = 0; i < length; ++i) message[i] = static_cast<std::uint8_t>(i);
  return message;
}

// A fixed stream of well-spread 64-bit values (splitmix64), so runs repeat exactly.
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

TEST(SipHash, MatchesThePaperVectors) {
  // Appendix A of the SipHash paper: key 00..0f, message 00..0e.
  EXPECT_EQ(siphash24(counting_key(), counting_message(15)), 0xa129ca6149be45e5ULL);
  EXPECT_EQ(siphash24(counting_key(), counting_message(0)), 0x726fdb47dd0e0e31ULL);
}

TEST(SipHash, AgreesWithLibsodiumAtEveryLength) {
  ASSERT_GE(sodium_init(), 0);
  SipKey key{};
  randombytes_buf(key.data(), key.size());
  for (std::size_t length = 0; length < 100; ++length) {
    std::vector<std::uint8_t> message(length);
    if (length > 0) randombytes_buf(message.data(), message.size());
    std::array<std::uint8_t, crypto_shorthash_BYTES> theirs{};
    crypto_shorthash(theirs.data(), message.data(), message.size(), key.data());
    std::uint64_t expected = 0;
    for (std::size_t i = 0; i < 8; ++i) expected |= std::uint64_t{theirs[i]} << (8 * i);
    EXPECT_EQ(siphash24(key, message), expected) << "length " << length;
  }
}

TEST(SignatureFingerprint, SeparatesPetitionsAndKeys) {
  const SipKey key = counting_key();
  const std::string email = canonical_email("Jo.Bloggs+x@googlemail.com");
  EXPECT_EQ(signature_fingerprint(key, 7, email), signature_fingerprint(key, 7, "jobloggs@gmail.com"));
  EXPECT_NE(signature_fingerprint(key, 7, email), signature_fingerprint(key, 8, email));
  SipKey other = key;
  other[0] ^= 1;
  EXPECT_NE(signature_fingerprint(key, 7, email), signature_fingerprint(other, 7, email));
}

TEST(FingerprintSet, InsertsOnceAndFinds) {
  FingerprintSet set;
  EXPECT_FALSE(set.contains(42));
  EXPECT_TRUE(set.insert(42));
  EXPECT_FALSE(set.insert(42));
  EXPECT_TRUE(set.contains(42));
  EXPECT_TRUE(set.insert(0)) << "zero is a fingerprint like any other";
  EXPECT_TRUE(set.contains(0));
  EXPECT_EQ(set.size(), 2U);
  EXPECT_FALSE(set.insert(1)) << "except that it shares a slot value with 1: odds of 1 in 2^64";
}

TEST(FingerprintSet, AgreesWithAStandardSetThroughInsertsAndErases) {
  FingerprintSet set;
  std::unordered_set<std::uint64_t> expected;
  std::uint64_t state = 1;
  // Few distinct values (12 bits, from 2 up, as 0 and 1 are one fingerprint) so that runs collide and
  // erase must shift entries back.
  for (int step = 0; step < 200'000; ++step) {
    const std::uint64_t random = splitmix(state);
    const std::uint64_t value = 2 + (random & 0xFFF);
    if ((random >> 60) < 10) {
      EXPECT_EQ(set.insert(value), expected.insert(value).second);
    } else {
      EXPECT_EQ(set.erase(value), expected.erase(value) == 1);
    }
    if (step % 1000 == 0) {
      for (std::uint64_t probe = 0; probe < 0x1002; ++probe) {
        ASSERT_EQ(set.contains(probe), expected.contains(probe)) << "step " << step << " value " << probe;
      }
    }
  }
  EXPECT_EQ(set.size(), expected.size());
}

TEST(FingerprintSet, ReserveAvoidsGrowingAndClearFrees) {
  FingerprintSet set;
  set.reserve(1000);
  const std::size_t capacity = set.capacity();
  std::uint64_t state = 7;
  for (int i = 0; i < 1000; ++i) set.insert(splitmix(state));
  EXPECT_EQ(set.capacity(), capacity);
  set.clear();
  EXPECT_EQ(set.size(), 0U);
  EXPECT_EQ(set.capacity(), 0U);
  EXPECT_FALSE(set.contains(1));
}

TEST(FingerprintSet, AMillionSignaturesCostWellUnderAHundredBytesEach) {
  const SipKey key = counting_key();
  FingerprintSet set;
  std::string email;
  for (int i = 0; i < 1'000'000; ++i) {
    email = "signer";
    email += std::to_string(i);
    email += "@example.org";
    ASSERT_TRUE(set.insert(signature_fingerprint(key, 1, email)));
  }
  EXPECT_EQ(set.size(), 1'000'000U);
  const double per_signature = static_cast<double>(set.bytes_used()) / static_cast<double>(set.size());
  RecordProperty("bytes_per_signature", std::to_string(per_signature));
  EXPECT_LT(per_signature, 25.0);
  EXPECT_TRUE(set.contains(signature_fingerprint(key, 1, "signer999999@example.org")));
  EXPECT_FALSE(set.contains(signature_fingerprint(key, 1, "signer1000000@example.org")));
  EXPECT_FALSE(set.contains(signature_fingerprint(key, 2, "signer0@example.org")));
}

}  // namespace
}  // namespace recall::public_petition
