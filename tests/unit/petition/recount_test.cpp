#include "core/petition/recount.hpp"

#include <gtest/gtest.h>

namespace recall {
namespace {

LedgerLeaf accepted(std::uint8_t elector) {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::sheet_accepted;
  leaf.petition_id = 7;
  leaf.channel = SigningChannel::in_person;
  leaf.elector_hash.fill(elector);
  return leaf;
}

LedgerLeaf rejected(RejectionReason reason) {
  LedgerLeaf leaf;
  leaf.event = LeafEvent::sheet_rejected;
  leaf.petition_id = 7;
  leaf.channel = SigningChannel::postal;
  leaf.rejection = reason;
  return leaf;
}

DeclaredFigures declared(long eligible, long valid, long rejected_sheets, long percent, bool successful) {
  DeclaredFigures figures;
  figures.eligible = eligible;
  figures.valid_signatures = valid;
  figures.rejected = rejected_sheets;
  figures.percent_tenths = percent;
  figures.successful = successful;
  return figures;
}

TEST(Recount, CountsOneSignaturePerElectorAndRejectionsByReason) {
  std::vector<LedgerLeaf> leaves{accepted(1), accepted(2), rejected(RejectionReason::identifiers_failed), accepted(3)};
  LedgerLeaf attempt = accepted(1);
  attempt.event = LeafEvent::double_signing_attempt;
  leaves.push_back(attempt);
  std::vector<Discrepancy> problems;
  const Recount result = recount_leaves(leaves, 7, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(result.valid_signatures, 3);
  EXPECT_EQ(result.rejected, 1);
  EXPECT_EQ(result.rejected_by_reason.at(RejectionReason::identifiers_failed), 1);
  EXPECT_EQ(result.double_signing_attempts, 1);

  auto figures = declared(30, 3, 1, 100, true);
  figures.rejected_by_reason[RejectionReason::identifiers_failed] = 1;
  compare_with_declaration(result, figures, problems);
  EXPECT_TRUE(problems.empty()) << problems.front().message;
}

TEST(Recount, NamesASecondAcceptedSheetForOneElector) {
  const std::vector<LedgerLeaf> leaves{accepted(1), accepted(2), accepted(1)};
  std::vector<Discrepancy> problems;
  const Recount result = recount_leaves(leaves, 7, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].leaf_index, 2u);
  EXPECT_EQ(problems[0].message, "leaf 2 accepts a second sheet for the elector of leaf 0");
  EXPECT_EQ(result.valid_signatures, 2);
}

TEST(Recount, NamesEveryRepeatInLeafOrderWithTheFirstSheetOfItsElector) {
  auto void_sheet = accepted(0);  // no elector: a problem of its own, between the repeats
  const std::vector<LedgerLeaf> leaves{accepted(5), accepted(3), accepted(5), void_sheet, accepted(3), accepted(5)};
  std::vector<Discrepancy> problems;
  const Recount result = recount_leaves(leaves, 7, problems);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].message, "leaf 2 accepts a second sheet for the elector of leaf 0");
  EXPECT_EQ(problems[1].message, "leaf 3 accepts a sheet without an elector");
  EXPECT_EQ(problems[2].message, "leaf 4 accepts a second sheet for the elector of leaf 1");
  EXPECT_EQ(problems[3].message, "leaf 5 accepts a second sheet for the elector of leaf 0");
  EXPECT_EQ(result.valid_signatures, 2);
}

TEST(Recount, NamesLeavesOfAnotherPetition) {
  auto stray = accepted(9);
  stray.petition_id = 8;
  std::vector<Discrepancy> problems;
  recount_leaves(std::vector<LedgerLeaf>{accepted(1), stray}, 7, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "leaf 1 belongs to petition 8, not 7");
}

TEST(Recount, ContradictedDeclarationsAreNamed) {
  std::vector<Discrepancy> problems;
  const Recount result = recount_leaves(std::vector<LedgerLeaf>{accepted(1), accepted(2)}, 7, problems);
  compare_with_declaration(result, declared(20, 3, 0, 150, true), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "the leaves hold 2 valid signatures; the declaration says 3");

  problems.clear();
  compare_with_declaration(result, declared(21, 2, 0, 95, true), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "2 signatures of 21 eligible electors do not meet the 10% rule; the declaration says it succeeded");

  problems.clear();
  compare_with_declaration(result, declared(21, 2, 0, 100, false), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "2 of 21 is 9.5%; the declaration says 10.0%");
}

}  // namespace
}  // namespace recall
