#include "core/petition/recount.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/petition/declaration.hpp"

namespace recall {

namespace {
bool is_zero(const ledger::Hash& hash) {
  for (const auto octet : hash) {
    if (octet != 0) return false;
  }
  return true;
}
}  // namespace

namespace {

// For every accepted sheet that repeats an elector hash, the index of the first accepted sheet for
// that hash, as (repeat index, first index) in leaf order. Sorting (hash, index) pairs once costs a
// fraction of a tree map's per-leaf allocations, which dominated the full check of a 10M-leaf log.
std::vector<std::pair<std::uint64_t, std::uint64_t>> repeated_electors(std::span<const LedgerLeaf> leaves,
                                                                       std::uint64_t petition_id) {
  std::vector<std::pair<ledger::Hash, std::uint64_t>> accepted;
  for (std::uint64_t index = 0; index < leaves.size(); ++index) {
    const LedgerLeaf& leaf = leaves[index];
    if (leaf.petition_id == petition_id && leaf.event == LeafEvent::sheet_accepted && !is_zero(leaf.elector_hash))
      accepted.emplace_back(leaf.elector_hash, index);
  }
  std::sort(accepted.begin(), accepted.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> repeats;
  for (std::size_t first = 0; first < accepted.size();) {
    std::size_t next = first + 1;
    for (; next < accepted.size() && accepted[next].first == accepted[first].first; ++next)
      repeats.emplace_back(accepted[next].second, accepted[first].second);
    first = next;
  }
  std::sort(repeats.begin(), repeats.end());
  return repeats;
}

}  // namespace

Recount recount_leaves(std::span<const LedgerLeaf> leaves, std::uint64_t petition_id, std::vector<Discrepancy>& problems) {
  Recount out;
  const auto repeats = repeated_electors(leaves, petition_id);
  auto next_repeat = repeats.begin();
  for (std::uint64_t index = 0; index < leaves.size(); ++index) {
    const LedgerLeaf& leaf = leaves[index];
    if (leaf.petition_id != petition_id) {
      problems.push_back({index, fmt::format("leaf {} belongs to petition {}, not {}", index, leaf.petition_id, petition_id)});
      continue;
    }
    switch (leaf.event) {
      case LeafEvent::sheet_accepted: {
        if (is_zero(leaf.elector_hash)) {
          problems.push_back({index, fmt::format("leaf {} accepts a sheet without an elector", index)});
          break;
        }
        if (next_repeat != repeats.end() && next_repeat->first == index) {
          problems.push_back({index, fmt::format("leaf {} accepts a second sheet for the elector of leaf {}", index,
                                                 next_repeat->second)});
          ++next_repeat;
          break;
        }
        ++out.valid_signatures;
        break;
      }
      case LeafEvent::sheet_rejected:
        ++out.rejected;
        if (leaf.rejection) ++out.rejected_by_reason[*leaf.rejection];
        break;
      case LeafEvent::double_signing_attempt: ++out.double_signing_attempts; break;
      case LeafEvent::postal_sheet_issued: ++out.postal_sheets_issued; break;
      case LeafEvent::termination: out.terminated = true; break;
    }
  }
  return out;
}

void compare_with_declaration(const Recount& recount, const DeclaredFigures& declared, std::vector<Discrepancy>& problems) {
  if (recount.valid_signatures != declared.valid_signatures) {
    problems.push_back({std::nullopt, fmt::format("the leaves hold {} valid signatures; the declaration says {}",
                                                  recount.valid_signatures, declared.valid_signatures)});
  }
  if (recount.rejected != declared.rejected) {
    problems.push_back({std::nullopt, fmt::format("the leaves hold {} rejected sheets; the declaration says {}",
                                                  recount.rejected, declared.rejected)});
  }
  std::set<RejectionReason> reasons;
  for (const auto& [reason, n] : recount.rejected_by_reason) reasons.insert(reason);
  for (const auto& [reason, n] : declared.rejected_by_reason) reasons.insert(reason);
  for (const RejectionReason reason : reasons) {
    const auto counted = recount.rejected_by_reason.contains(reason) ? recount.rejected_by_reason.at(reason) : 0L;
    const auto said = declared.rejected_by_reason.contains(reason) ? declared.rejected_by_reason.at(reason) : 0L;
    if (counted != said) {
      problems.push_back({std::nullopt, fmt::format("the leaves hold {} sheets rejected as '{}'; the declaration says {}",
                                                    counted, describe(reason), said)});
    }
  }
  // The declared percentage and outcome must follow from the declared figures by the exact rule.
  const long valid = declared.valid_signatures;
  const long eligible = declared.eligible;
  const long percent = percent_tenths_of(valid, eligible);
  if (percent != declared.percent_tenths) {
    problems.push_back({std::nullopt, fmt::format("{} of {} is {}%; the declaration says {}%", valid, eligible,
                                                  format_percent_tenths(percent),
                                                  format_percent_tenths(declared.percent_tenths))});
  }
  const bool successful = meets_ten_percent(valid, eligible);
  if (successful != declared.successful) {
    problems.push_back({std::nullopt, fmt::format("{} signatures of {} eligible electors {} the 10% rule; the declaration says it {}",
                                                  valid, eligible, successful ? "meet" : "do not meet",
                                                  declared.successful ? "succeeded" : "failed")});
  }
}

}  // namespace recall
