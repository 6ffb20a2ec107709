#include <gtest/gtest.h>

#include <limits>

#include "core/base/error.hpp"
#include "core/rules/policy.hpp"

namespace recall {
namespace {

Threshold uk() { return Threshold{1000, ThresholdComparison::at_least, ThresholdBase::register_at_close, "s.14(3)"}; }

TEST(Threshold, PeterboroughBoundaryIsExact) {
  // 10% of 69,673 is 6,967.3: the published "6,967" would not have been enough.
  EXPECT_FALSE(threshold_met(uk(), 6967, 69673));
  EXPECT_TRUE(threshold_met(uk(), 6968, 69673));
  EXPECT_EQ(required_signatures(uk(), 69673), 6968);
}

TEST(Threshold, ExactTenPercentMeetsAtLeast) {
  EXPECT_TRUE(threshold_met(uk(), 7000, 70000));
  EXPECT_FALSE(threshold_met(uk(), 6999, 70000));
  EXPECT_EQ(required_signatures(uk(), 70000), 7000);
  EXPECT_EQ(required_signatures(uk(), 0), 0);
}

TEST(Threshold, MoreThanNeedsOneMore) {
  const Threshold bc{4000, ThresholdComparison::more_than, ThresholdBase::register_at_last_election, ""};
  EXPECT_FALSE(threshold_met(bc, 40000, 100000));
  EXPECT_TRUE(threshold_met(bc, 40001, 100000));
  EXPECT_EQ(required_signatures(bc, 100000), 40001);
  EXPECT_EQ(required_signatures(bc, 78649), 31460);
}

TEST(Threshold, FractionalPercent) {
  const Threshold t{1250, ThresholdComparison::at_least, ThresholdBase::votes_at_last_election, ""};
  EXPECT_EQ(required_signatures(t, 1000), 125);
  EXPECT_EQ(required_signatures(t, 1001), 126);
  EXPECT_EQ(describe_rule(t), "signatures × 8 ≥ votes cast at the last election");
}

TEST(Threshold, RulesAreInLowestTerms) {
  EXPECT_EQ(describe_rule(uk()), "signatures × 10 ≥ eligible registered electors");
  const Threshold bc{4000, ThresholdComparison::more_than, ThresholdBase::register_at_last_election, ""};
  EXPECT_EQ(describe_rule(bc), "signatures × 5 > registered electors at the last election × 2");
}

TEST(Threshold, RejectsNegativeAndOverflowingInput) {
  EXPECT_THROW((void)threshold_met(uk(), -1, 100), Error);
  EXPECT_THROW((void)threshold_met(uk(), 1, -100), Error);
  EXPECT_THROW((void)threshold_met(uk(), std::numeric_limits<long>::max(), 100), Error);
}

TEST(Sample, SizeIsThreePercentOrFiveHundred) {
  const SampleVerification ca;
  EXPECT_EQ(sample_size(ca, 10000), 500);
  EXPECT_EQ(sample_size(ca, 100000), 3000);
  EXPECT_EQ(sample_size(ca, 16667), 501);
  EXPECT_EQ(sample_size(ca, 200), 200);
  EXPECT_EQ(sample_size(ca, 0), 0);
}

TEST(Sample, BandsAreExclusiveAbove110AndInclusiveAt90) {
  const SampleVerification ca;
  // Every sampled signature valid: the projection equals the raw count.
  EXPECT_EQ(decide_sample(ca, 11001, 500, 500, 10000), SampleDecision::certify);
  EXPECT_EQ(decide_sample(ca, 11000, 500, 500, 10000), SampleDecision::full_count);
  EXPECT_EQ(decide_sample(ca, 9000, 500, 500, 10000), SampleDecision::full_count);
  EXPECT_EQ(decide_sample(ca, 8999, 500, 500, 10000), SampleDecision::fail);
  // Half valid in the sample projects half the raw signatures.
  EXPECT_EQ(decide_sample(ca, 30000, 900, 450, 10000), SampleDecision::certify);
  EXPECT_EQ(decide_sample(ca, 20000, 600, 300, 10000), SampleDecision::full_count);
  EXPECT_EQ(decide_sample(ca, 17000, 510, 255, 10000), SampleDecision::fail);
  EXPECT_EQ(to_string(SampleDecision::full_count), "full-count");
}

TEST(Sample, RejectsImpossibleSamples) {
  const SampleVerification ca;
  EXPECT_THROW((void)decide_sample(ca, 1000, 0, 0, 100), Error);
  EXPECT_THROW((void)decide_sample(ca, 1000, 1001, 10, 100), Error);
  EXPECT_THROW((void)decide_sample(ca, 1000, 500, 501, 100), Error);
}

}  // namespace
}  // namespace recall
