#include "contract/ledger_sample.hpp"

#include "contract/sample_petition.hpp"
#include "core/ledger/hash.hpp"

namespace recall::contract {

std::int64_t add_ledger_petition(Store& store, const std::string& ons_code) {
  return store.petitions().create_petition(sample_petition(ons_code, import_sample_register(store, ons_code)));
}

LeafBytes sample_leaf(std::int64_t petition_id, std::uint64_t n) {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::sheet_accepted;
  leaf.petition_id = static_cast<std::uint64_t>(petition_id);
  leaf.channel = SigningChannel::in_person;
  leaf.day = make_date(2019, 3, 19);
  leaf.place_id = 1;
  leaf.elector_hash = ledger::sha256(ledger::as_bytes("elector " + std::to_string(n)));
  const ledger::Hash nonce = ledger::sha256(ledger::as_bytes("nonce " + std::to_string(n)));
  std::copy_n(nonce.begin(), leaf.nonce.size(), leaf.nonce.begin());
  return encode_leaf(leaf);
}

std::vector<LeafBytes> sample_leaves(std::int64_t petition_id, std::uint64_t first_n, std::uint64_t count) {
  std::vector<LeafBytes> out;
  out.reserve(count);
  for (std::uint64_t n = first_n; n < first_n + count; ++n) out.push_back(sample_leaf(petition_id, n));
  return out;
}

}  // namespace recall::contract
