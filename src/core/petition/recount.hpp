#pragma once
// The public recount (issue 4): from the published leaves alone, count the accepted sheets (one per
// elector hash) and the rejected sheets by reason, and compare with the declared result. Anyone can run
// this with `recall verify petition DIR`; it needs no register and no key.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/petition/ledger_leaf.hpp"

namespace recall {

struct Recount {
  long valid_signatures = 0;
  long rejected = 0;
  std::map<RejectionReason, long> rejected_by_reason;
  long double_signing_attempts = 0;
  long postal_sheets_issued = 0;
  bool terminated = false;
};

// A difference between what the leaves say and what they should say, with the leaf it was found at.
struct Discrepancy {
  std::optional<std::uint64_t> leaf_index;
  std::string message;
};

// Counts the leaves. Every leaf must belong to `petition_id`; a second accepted sheet for an elector
// hash, an accepted sheet without an elector, or a leaf of another petition is a discrepancy (the
// first found is returned in `problems`, in leaf order).
Recount recount_leaves(std::span<const LedgerLeaf> leaves, std::uint64_t petition_id, std::vector<Discrepancy>& problems);

// The declared figures as published in the notice.
struct DeclaredFigures {
  long eligible = 0;
  long valid_signatures = 0;
  long rejected = 0;
  std::map<RejectionReason, long> rejected_by_reason;
  long percent_tenths = 0;
  bool successful = false;
};

// Appends a discrepancy for every declared figure the recount or the exact s.14 rule contradicts:
// valid signatures, rejected sheets (in total and by reason), the percentage (rounded half up to one
// decimal) and the outcome (valid * 10 >= eligible).
void compare_with_declaration(const Recount& recount, const DeclaredFigures& declared, std::vector<Discrepancy>& problems);

}  // namespace recall
