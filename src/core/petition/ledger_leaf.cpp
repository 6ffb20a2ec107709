#include "core/petition/ledger_leaf.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {
constexpr std::array<std::pair<LeafEvent, std::string_view>, 5> event_names{{
    {LeafEvent::sheet_accepted, "sheet-accepted"},
    {LeafEvent::sheet_rejected, "sheet-rejected"},
    {LeafEvent::double_signing_attempt, "double-signing-attempt"},
    {LeafEvent::postal_sheet_issued, "postal-sheet-issued"},
    {LeafEvent::termination, "termination"},
}};

// Wire numbers are fixed by the format, independent of the C++ enumerators' order.
constexpr std::array<SigningChannel, 5> channel_codes{SigningChannel::in_person, SigningChannel::postal,
                                                      SigningChannel::proxy_in_person, SigningChannel::proxy_postal,
                                                      SigningChannel::online};
constexpr std::array<RejectionReason, 5> rejection_codes{
    RejectionReason::want_of_official_mark, RejectionReason::unmarked_or_void_for_uncertainty,
    RejectionReason::identifiers_failed, RejectionReason::not_entitled, RejectionReason::received_late};

template <class Enum, std::size_t N>
std::uint8_t code_of(const std::array<Enum, N>& codes, const std::optional<Enum>& value) {
  if (!value) return 0;
  const auto found = std::find(codes.begin(), codes.end(), *value);
  return static_cast<std::uint8_t>(found - codes.begin() + 1);
}

void put_u64(std::uint8_t* out, std::uint64_t value) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<std::uint8_t>(value & 0xffU);
    value >>= 8U;
  }
}

std::uint64_t get_u64(const std::uint8_t* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8U) | in[i];
  return value;
}

[[noreturn]] void bad_leaf(std::size_t offset, std::string field, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message),
              SourceLocation{"leaf", 0, static_cast<int>(offset + 1), std::move(field)});
}
}  // namespace

std::string_view to_string(LeafEvent event) {
  for (const auto& [value, name] : event_names) {
    if (value == event) return name;
  }
  return "sheet-accepted";
}

std::optional<LeafEvent> parse_leaf_event(std::string_view text) {
  for (const auto& [value, name] : event_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

ledger::Hash elector_hash(const ElectorKey& key, std::string_view elector_number) {
  ledger::Hash out{};
  unsigned int length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(elector_number.data());
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), data, elector_number.size(), out.data(), &length) ||
      length != out.size()) {
    throw Error(ErrorKind::internal, "HMAC-SHA-256 failed");
  }
  return out;
}

std::array<std::uint8_t, leaf_size> encode_leaf(const LedgerLeaf& leaf) {
  std::array<std::uint8_t, leaf_size> out{};
  out[0] = leaf_format_version;
  out[1] = static_cast<std::uint8_t>(leaf.event);
  put_u64(&out[2], leaf.petition_id);
  out[10] = code_of(channel_codes, leaf.channel);
  out[11] = code_of(rejection_codes, leaf.rejection);
  const auto day = static_cast<std::uint32_t>(static_cast<std::int32_t>(leaf.day.time_since_epoch().count()));
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(12 + i)] = static_cast<std::uint8_t>(day >> (8U * static_cast<unsigned>(3 - i)));
  put_u64(&out[16], leaf.place_id);
  std::copy(leaf.elector_hash.begin(), leaf.elector_hash.end(), out.begin() + 24);
  std::copy(leaf.nonce.begin(), leaf.nonce.end(), out.begin() + 56);
  return out;
}

LedgerLeaf decode_leaf(ledger::ByteView bytes) {
  if (bytes.size() != leaf_size) {
    bad_leaf(0, "length", fmt::format("a version-1 leaf is {} octets, not {}", leaf_size, bytes.size()));
  }
  if (bytes[0] != leaf_format_version) bad_leaf(0, "version", fmt::format("unknown leaf version {}", bytes[0]));
  LedgerLeaf leaf;
  if (bytes[1] < 1 || bytes[1] > event_names.size()) bad_leaf(1, "event", fmt::format("unknown event {}", bytes[1]));
  leaf.event = static_cast<LeafEvent>(bytes[1]);
  leaf.petition_id = get_u64(&bytes[2]);
  if (bytes[10] > channel_codes.size()) bad_leaf(10, "channel", fmt::format("unknown channel {}", bytes[10]));
  if (bytes[10] != 0) leaf.channel = channel_codes[bytes[10] - 1U];
  if (bytes[11] > rejection_codes.size()) bad_leaf(11, "rejection", fmt::format("unknown rejection {}", bytes[11]));
  if (bytes[11] != 0) {
    if (leaf.event != LeafEvent::sheet_rejected) bad_leaf(11, "rejection", "only a rejected sheet has a rejection reason");
    leaf.rejection = rejection_codes[bytes[11] - 1U];
  } else if (leaf.event == LeafEvent::sheet_rejected) {
    bad_leaf(11, "rejection", "a rejected sheet needs its reason");
  }
  std::uint32_t day = 0;
  for (int i = 0; i < 4; ++i) day = (day << 8U) | bytes[static_cast<std::size_t>(12 + i)];
  leaf.day = Date{std::chrono::days{static_cast<std::int32_t>(day)}};
  leaf.place_id = get_u64(&bytes[16]);
  std::copy(bytes.begin() + 24, bytes.begin() + 56, leaf.elector_hash.begin());
  std::copy(bytes.begin() + 56, bytes.begin() + 72, leaf.nonce.begin());
  return leaf;
}

}  // namespace recall
