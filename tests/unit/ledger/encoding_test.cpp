#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/hash.hpp"

namespace recall::ledger {
namespace {

std::vector<std::uint8_t> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

TEST(Base64, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(to_base64(bytes_of("")), "");
  EXPECT_EQ(to_base64(bytes_of("f")), "Zg==");
  EXPECT_EQ(to_base64(bytes_of("fo")), "Zm8=");
  EXPECT_EQ(to_base64(bytes_of("foo")), "Zm9v");
  EXPECT_EQ(to_base64(bytes_of("foob")), "Zm9vYg==");
  EXPECT_EQ(to_base64(bytes_of("fooba")), "Zm9vYmE=");
  EXPECT_EQ(to_base64(bytes_of("foobar")), "Zm9vYmFy");
  EXPECT_EQ(to_base64(std::vector<std::uint8_t>{0xfb, 0xff}), "+/8=");
}

TEST(Base64, RoundTripsEveryLength) {
  std::vector<std::uint8_t> data;
  for (int length = 0; length < 70; ++length) {
    EXPECT_EQ(from_base64(to_base64(data)), data) << "length " << length;
    data.push_back(static_cast<std::uint8_t>(length * 37 + 11));
  }
}

TEST(Base64, RejectsNonCanonicalText) {
  for (const char* bad : {"Zg=", "Zg", "Zh==", "Zm9=", "Zg==Zg==", "Z===", "=Zg=", "Zm 9v", "Zm9v\n", "-_8=", "Zm9v="}) {
    EXPECT_THROW((void)from_base64(bad), Error) << bad;
  }
}

TEST(Hex, RoundTripsAndRejectsBadDigits) {
  const std::vector<std::uint8_t> data{0x00, 0x7f, 0x80, 0xff, 0x1a};
  EXPECT_EQ(to_hex(data), "007f80ff1a");
  EXPECT_EQ(from_hex("007F80FF1A"), data);
  EXPECT_THROW((void)from_hex("abc"), Error);
  EXPECT_THROW((void)from_hex("zz"), Error);
  EXPECT_THROW((void)hash_from_hex("00"), Error);
}

TEST(Hash, DomainSeparatesLeavesFromNodes) {
  const Hash a = leaf_hash("a");
  const Hash b = leaf_hash("b");
  std::vector<std::uint8_t> concatenated(a.begin(), a.end());
  concatenated.insert(concatenated.end(), b.begin(), b.end());
  EXPECT_NE(node_hash(a, b), leaf_hash(concatenated));
  EXPECT_NE(node_hash(a, b), node_hash(b, a));
  // SHA-256("abc"), FIPS 180-2 appendix B.1
  EXPECT_EQ(hash_to_hex(sha256(bytes_of("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace recall::ledger
