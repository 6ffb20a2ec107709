#pragma once
// The petition ledger's leaf (ARCHITECTURE.md "The ledger"; docs/ledger-format.md): one signing event
// as a canonical, fixed-length binary record that names no elector. The elector appears only as an
// HMAC-SHA-256 of their elector number under the petition's secret key, so the published log can be
// recounted (one accepted sheet per hash) without revealing who signed.
//
// Version 1, 72 octets, integers big-endian:
//   0  u8   version (1)
//   1  u8   event      (LeafEvent)
//   2  u64  petition id
//  10  u8   channel    (0 none, then SigningChannel + 1)
//  11  u8   rejection  (0 none, then RejectionReason + 1)
//  12  i32  day        (days since 1970-01-01, local date of the event)
//  16  u64  signing place id (0 none)
//  24  32   elector hash (zeros when no elector is known)
//  56  16   receipt nonce (zeros when the event has no receipt)
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/ledger/hash.hpp"
#include "core/petition/signature.hpp"

namespace recall {

enum class LeafEvent : std::uint8_t {
  sheet_accepted = 1,          // a valid signature, any channel
  sheet_rejected = 2,          // with its reason
  double_signing_attempt = 3,  // refused (s.12)
  postal_sheet_issued = 4,
  termination = 5,             // s.13: no elector, no channel
};
std::string_view to_string(LeafEvent event);  // "sheet-accepted", "sheet-rejected", ...
std::optional<LeafEvent> parse_leaf_event(std::string_view text);

inline constexpr std::uint8_t leaf_format_version = 1;
inline constexpr std::size_t leaf_size = 72;
using ElectorKey = std::array<std::uint8_t, 32>;
using ReceiptNonce = std::array<std::uint8_t, 16>;

struct LedgerLeaf {
  LeafEvent event = LeafEvent::sheet_accepted;
  std::uint64_t petition_id = 0;
  std::optional<SigningChannel> channel;
  std::optional<RejectionReason> rejection;
  Date day{};
  std::uint64_t place_id = 0;
  ledger::Hash elector_hash{};  // all zeros: none
  ReceiptNonce nonce{};         // all zeros: none
  bool operator==(const LedgerLeaf&) const = default;
};

// HMAC-SHA-256(key, elector number): the same elector gives the same hash within one petition only.
ledger::Hash elector_hash(const ElectorKey& key, std::string_view elector_number);

std::array<std::uint8_t, leaf_size> encode_leaf(const LedgerLeaf& leaf);
// Throws Error(invalid_input) naming the byte offset (SourceLocation.column = offset + 1, field = the
// part) for a wrong length, an unknown version, event, channel or rejection, or a rejection on an
// event that cannot have one.
LedgerLeaf decode_leaf(ledger::ByteView bytes);

}  // namespace recall
