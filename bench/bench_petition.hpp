#pragma once
// The petition the store bench fills: a real petition row (the ledger tables refer to petitions) and
// leaves that form a valid petition, so the filled ledger can be published and checked by
// verify_published_petition exactly as `recall verify petition` would check it.
#include <cstdint>
#include <map>
#include <random>

#include "core/ledger/note_key.hpp"
#include "store/store.hpp"
#include "verify/published_petition.hpp"

namespace recall::bench {

// Opens a petition over a tiny register, in a constituency code of the bench's own so reruns against
// one PostgreSQL database never clash. Returns its id.
std::int64_t open_bench_petition(Store& store);

// What the leaves made so far say, to declare figures the recount will agree with.
struct LeafTally {
  long valid_signatures = 0;
  long rejected = 0;
  std::map<RejectionReason, long> rejected_by_reason;
};

// Leaf n of the bench petition. One leaf in 25 is a rejected sheet, its reason cycling through every
// rejection reason; the rest are accepted sheets, in person or by post. Every sheet naming an elector
// carries the HMAC of a distinct elector number under the petition's key, so no elector signs twice,
// and a pseudo-random receipt nonce; a sheet void for uncertainty names nobody and has no receipt.
// Without receipts no leaf carries a nonce, to measure what the store's receipt index costs.
class BenchLeaves {
 public:
  BenchLeaves(std::int64_t petition_id, const ElectorKey& elector_key, bool with_receipts);

  LeafBytes next();
  [[nodiscard]] const LeafTally& tally() const noexcept { return tally_; }

 private:
  std::int64_t petition_id_;
  ElectorKey elector_key_;
  bool with_receipts_;
  std::uint64_t made_ = 0;
  LeafTally tally_;
  std::mt19937_64 random_{2015};
};

// The published petition for these leaves (in log order, all of them): declared figures that match
// the tally and an eligible count that makes the petition succeed, and a final checkpoint of the
// leaves' root signed by `key`, whose name is the origin's first part.
PublishedPetition publish_bench_petition(std::int64_t petition_id, std::vector<LeafBytes> leaves,
                                         const ledger::Hash& root, const LeafTally& tally,
                                         const ledger::SignerKey& key);

}  // namespace recall::bench
