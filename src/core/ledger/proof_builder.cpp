#include "core/ledger/proof_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <limits>

#include "core/base/error.hpp"

namespace recall::ledger {

namespace {

// Leaves [begin, end) of the log: the span of one Merkle tree hash in the proof definitions.
struct LeafRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  [[nodiscard]] std::uint64_t size() const noexcept { return end - begin; }
};

// k in RFC 6962: the largest power of two smaller than n (n >= 2).
std::uint64_t split_point(std::uint64_t n) noexcept { return std::bit_floor(n - 1); }

// PATH(m, D[begin:end]) of RFC 6962 section 2.1.1, as the ranges whose hashes form the path.
void audit_path(std::uint64_t leaf, LeafRange range, std::vector<LeafRange>& out) {
  if (range.size() == 1) return;
  const std::uint64_t middle = range.begin + split_point(range.size());
  if (leaf < middle) {
    audit_path(leaf, {range.begin, middle}, out);
    out.push_back({middle, range.end});
  } else {
    audit_path(leaf, {middle, range.end}, out);
    out.push_back({range.begin, middle});
  }
}

// SUBPROOF(m, D[begin:end], whole) of RFC 6962 section 2.1.2, where old_end = begin + m.
void subproof(std::uint64_t old_end, LeafRange range, bool whole, std::vector<LeafRange>& out) {
  if (old_end == range.end) {
    // The old tree's root is this subtree; the verifier knows it already only if it is the whole tree.
    if (!whole) out.push_back(range);
    return;
  }
  const std::uint64_t middle = range.begin + split_point(range.size());
  if (old_end <= middle) {
    subproof(old_end, {range.begin, middle}, whole, out);
    out.push_back({middle, range.end});
  } else {
    subproof(old_end, {middle, range.end}, false, out);
    out.push_back({range.begin, middle});
  }
}

// The complete subtrees that make up a range, left to right. Every range the proof definitions
// produce starts at a multiple of a power of two at least its size, so the subtrees come out in
// strictly decreasing size, which is exactly how RFC 6962 splits the range.
void append_range_nodes(LeafRange range, std::vector<NodeId>& out) {
  std::uint32_t previous_level = std::numeric_limits<std::uint32_t>::max();
  for (std::uint64_t at = range.begin; at < range.end;) {
    const std::uint32_t by_size = static_cast<std::uint32_t>(std::bit_width(range.end - at) - 1);
    const std::uint32_t by_alignment =
        at == 0 ? by_size : static_cast<std::uint32_t>(std::countr_zero(at));
    const std::uint32_t level = std::min(by_size, by_alignment);
    if (level >= previous_level) {
      throw Error(ErrorKind::internal,
                  fmt::format("leaf range [{}, {}) is not a Merkle subtree range", range.begin, range.end));
    }
    out.push_back({level, at >> level});
    previous_level = level;
    at += std::uint64_t{1} << level;
  }
}

std::uint32_t node_count(LeafRange range) noexcept {
  // One complete subtree per set bit of the size, given the alignment above.
  return static_cast<std::uint32_t>(std::popcount(range.size()));
}

// Reads every node the ranges need in one batch and folds each range into its Merkle tree hash.
std::vector<Hash> hash_ranges(const NodeSource& source, const std::vector<LeafRange>& ranges) {
  std::vector<NodeId> ids;
  for (const LeafRange& range : ranges) append_range_nodes(range, ids);
  const std::vector<Hash> hashes = source.nodes(ids);
  if (hashes.size() != ids.size()) {
    throw Error(ErrorKind::internal,
                fmt::format("node source returned {} hashes for {} nodes", hashes.size(), ids.size()));
  }
  std::vector<Hash> out;
  out.reserve(ranges.size());
  std::size_t next = 0;
  for (const LeafRange& range : ranges) {
    const std::size_t count = node_count(range);
    // The rightmost subtree is the deepest right child: fold from the right.
    Hash folded = hashes[next + count - 1];
    for (std::size_t i = count - 1; i-- > 0;) folded = node_hash(hashes[next + i], folded);
    out.push_back(folded);
    next += count;
  }
  return out;
}

void check_size(const NodeSource& source, std::uint64_t tree_size, const char* what) {
  if (tree_size > source.size()) {
    throw_invalid(fmt::format("{} {} exceeds the log size {}", what, tree_size, source.size()));
  }
}

}  // namespace

Hash root_at(const NodeSource& source, std::uint64_t tree_size) {
  check_size(source, tree_size, "tree size");
  if (tree_size == 0) return empty_root();
  return hash_ranges(source, {{0, tree_size}}).front();
}

std::vector<Hash> inclusion_proof(const NodeSource& source, std::uint64_t leaf_index, std::uint64_t tree_size) {
  check_size(source, tree_size, "tree size");
  if (leaf_index >= tree_size) {
    throw_invalid(fmt::format("leaf index {} is not in a tree of size {}", leaf_index, tree_size));
  }
  std::vector<LeafRange> ranges;
  audit_path(leaf_index, {0, tree_size}, ranges);
  return hash_ranges(source, ranges);
}

std::vector<Hash> consistency_proof(const NodeSource& source, std::uint64_t old_size, std::uint64_t new_size) {
  check_size(source, new_size, "new tree size");
  if (old_size > new_size) {
    throw_invalid(fmt::format("old tree size {} is larger than new tree size {}", old_size, new_size));
  }
  std::vector<LeafRange> ranges;
  if (old_size > 0) subproof(old_size, {0, new_size}, true, ranges);
  return hash_ranges(source, ranges);
}

}  // namespace recall::ledger
