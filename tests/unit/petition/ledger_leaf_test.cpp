#include "core/petition/ledger_leaf.hpp"

#include <gtest/gtest.h>

#include "core/base/error.hpp"

namespace recall {
namespace {

LedgerLeaf sample_leaf() {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::sheet_rejected;
  leaf.petition_id = 0x0102030405060708ULL;
  leaf.channel = SigningChannel::postal;
  leaf.rejection = RejectionReason::identifiers_failed;
  leaf.day = make_date(2019, 4, 2);
  leaf.place_id = 3;
  ElectorKey key{};
  key.fill(7);
  leaf.elector_hash = elector_hash(key, "SA-123");
  leaf.nonce.fill(0xab);
  return leaf;
}

TEST(LedgerLeaf, EncodesTheDocumentedLayout) {
  const auto bytes = encode_leaf(sample_leaf());
  EXPECT_EQ(bytes[0], 1);                   // version
  EXPECT_EQ(bytes[1], 2);                   // sheet-rejected
  EXPECT_EQ(bytes[2], 0x01);                // petition id, big-endian
  EXPECT_EQ(bytes[9], 0x08);
  EXPECT_EQ(bytes[10], 2);                  // postal
  EXPECT_EQ(bytes[11], 3);                  // identifiers-failed
  // 2019-04-02 is day 17988 since 1970-01-01 = 0x00004644.
  EXPECT_EQ(bytes[14], 0x46);
  EXPECT_EQ(bytes[15], 0x44);
  EXPECT_EQ(bytes[23], 3);                  // place
  EXPECT_EQ(bytes[71], 0xab);               // nonce
}

TEST(LedgerLeaf, RoundTrips) {
  const LedgerLeaf leaf = sample_leaf();
  const auto bytes = encode_leaf(leaf);
  EXPECT_EQ(decode_leaf(bytes), leaf);
}

TEST(LedgerLeaf, ElectorHashIsKeyedHmacSha256) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" — with the key zero-padded to
  // 32 octets HMAC gives the same result, since HMAC pads short keys with zeros itself.
  ElectorKey key{};
  key[0] = 'J';
  key[1] = 'e';
  key[2] = 'f';
  key[3] = 'e';
  EXPECT_EQ(ledger::hash_to_hex(elector_hash(key, "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  ElectorKey other = key;
  other[31] = 1;
  EXPECT_NE(elector_hash(key, "SA-1"), elector_hash(other, "SA-1"));
}

TEST(LedgerLeaf, DecodingNamesTheOffendingOctet) {
  auto bytes = encode_leaf(sample_leaf());
  auto column_of = [](std::span<const std::uint8_t> data) {
    try {
      decode_leaf(data);
    } catch (const Error& e) {
      return e.where() ? e.where()->column : -1;
    }
    return 0;
  };
  EXPECT_EQ(column_of(std::span(bytes).first(71)), 1);
  auto bad_version = bytes;
  bad_version[0] = 2;
  EXPECT_EQ(column_of(bad_version), 1);
  auto bad_event = bytes;
  bad_event[1] = 9;
  EXPECT_EQ(column_of(bad_event), 2);
  auto bad_channel = bytes;
  bad_channel[10] = 6;
  EXPECT_EQ(column_of(bad_channel), 11);
  auto accepted_with_reason = bytes;
  accepted_with_reason[1] = 1;
  EXPECT_EQ(column_of(accepted_with_reason), 12);
  auto rejected_without_reason = bytes;
  rejected_without_reason[11] = 0;
  EXPECT_EQ(column_of(rejected_without_reason), 12);
}

}  // namespace
}  // namespace recall
