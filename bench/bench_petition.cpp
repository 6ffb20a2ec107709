#include "bench_petition.hpp"

#include <array>
#include <chrono>
#include <string>

#include <fmt/format.h>

#include "core/ledger/checkpoint.hpp"
#include "core/petition/declaration.hpp"
#include "core/register/synth.hpp"
#include "core/timetable/timetable.hpp"

namespace recall::bench {

namespace {

constexpr std::uint64_t one_rejected_in = 25;
constexpr std::array<RejectionReason, 5> rejection_cycle{
    RejectionReason::want_of_official_mark, RejectionReason::unmarked_or_void_for_uncertainty,
    RejectionReason::identifiers_failed, RejectionReason::not_entitled, RejectionReason::received_late};

// Postal identifiers and late returns can only happen to postal sheets.
SigningChannel channel_for(RejectionReason reason) {
  return reason == RejectionReason::identifiers_failed || reason == RejectionReason::received_late
             ? SigningChannel::postal
             : SigningChannel::in_person;
}

}  // namespace

std::int64_t open_bench_petition(Store& store) {
  const std::string ons_code = fmt::format("BENCH{}", std::chrono::steady_clock::now().time_since_epoch().count());
  const auto entries = synthesise_register({"PE1", "Peterborough", 10, 1, make_date(2019, 3, 5), make_date(2019, 5, 1)});
  std::size_t next = 0;
  const std::int64_t register_id =
      store.registers().import_register(ons_code, "bench", 1'551'000'000, [&](RegisterEntry& out) {
        if (next == entries.size()) return false;
        out = entries[next++];
        return true;
      });
  Petition petition;
  petition.ons_code = ons_code;
  petition.member_id = "bench";
  petition.mp_name = "Bench";
  petition.constituency_name = "Bench";
  petition.policy_id = "uk-2015";
  petition.condition = "custodial-sentence";
  petition.notice = make_date(2019, 3, 5);
  petition.timetable = compute_timetable(TimetableRules{}, HolidayRegion::england_and_wales, petition.notice);
  petition.register_id = register_id;
  petition.opened_at = "2019-03-05T16:30:00Z";
  return store.petitions().create_petition(petition);
}

BenchLeaves::BenchLeaves(std::int64_t petition_id, const ElectorKey& elector_key, bool with_receipts)
    : petition_id_(petition_id), elector_key_(elector_key), with_receipts_(with_receipts) {}

LeafBytes BenchLeaves::next() {
  const std::uint64_t n = made_++;
  LedgerLeaf leaf;
  leaf.petition_id = static_cast<std::uint64_t>(petition_id_);
  leaf.day = make_date(2019, 3, 19);
  if (n % one_rejected_in == one_rejected_in - 1) {
    const RejectionReason reason = rejection_cycle[(n / one_rejected_in) % rejection_cycle.size()];
    leaf.event = LeafEvent::sheet_rejected;
    leaf.rejection = reason;
    leaf.channel = channel_for(reason);
    ++tally_.rejected;
    ++tally_.rejected_by_reason[reason];
  } else {
    leaf.event = LeafEvent::sheet_accepted;
    leaf.channel = n % 3 == 0 ? SigningChannel::postal : SigningChannel::in_person;
    ++tally_.valid_signatures;
  }
  if (leaf.channel == SigningChannel::in_person) leaf.place_id = 1 + n % 40;
  // Nobody can be identified on a sheet void for uncertainty, so it names no elector and gets no receipt.
  if (leaf.rejection != RejectionReason::unmarked_or_void_for_uncertainty) {
    leaf.elector_hash = elector_hash(elector_key_, fmt::format("E{:08}", n));
    if (with_receipts_) {
      for (auto& octet : leaf.nonce) octet = static_cast<std::uint8_t>(random_());
    }
  }
  return encode_leaf(leaf);
}

PublishedPetition publish_bench_petition(std::int64_t petition_id, std::vector<LeafBytes> leaves,
                                         const ledger::Hash& root, const LeafTally& tally,
                                         const ledger::SignerKey& key) {
  PublishedPetition out;
  out.petition_id = static_cast<std::uint64_t>(petition_id);
  out.origin = fmt::format("{}/petitions/{}", key.name(), petition_id);
  out.ons_code = "BENCH";
  out.constituency = "Bench";
  out.policy_id = "uk-2015";
  // Valid signatures are a quarter of the eligible electors, less a few: 24.9%, a success.
  out.declared.eligible = tally.valid_signatures * 4 + 3;
  out.declared.valid_signatures = tally.valid_signatures;
  out.declared.rejected = tally.rejected;
  out.declared.rejected_by_reason = tally.rejected_by_reason;
  out.declared.percent_tenths = percent_tenths_of(out.declared.valid_signatures, out.declared.eligible);
  out.declared.successful = meets_ten_percent(out.declared.valid_signatures, out.declared.eligible);
  out.checkpoint = ledger::sign_checkpoint({out.origin, leaves.size(), root, {}}, key);
  out.leaves = std::move(leaves);
  out.verifier_key = ledger::encode_verifier_key(key.verifier());
  return out;
}

}  // namespace recall::bench
