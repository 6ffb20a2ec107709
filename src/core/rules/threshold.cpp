// Thresholds and sample verification in exact integer arithmetic: a published "required" figure has
// been rounded the wrong way before (Peterborough published 6,967 for 69,673 electors), so the
// product never divides before it compares.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/policy.hpp"

namespace recall {

namespace {

constexpr long whole = 10000;  // 100% in basis points

long checked_multiply(long a, long b) {
  long out = 0;
  if (__builtin_mul_overflow(a, b, &out)) {
    throw_invalid(fmt::format("numbers too large to compare exactly ({} × {})", a, b));
  }
  return out;
}

void require_non_negative(long value, const char* what) {
  if (value < 0) throw_invalid(fmt::format("{} cannot be negative ({})", what, value));
}

std::string base_label(ThresholdBase base) {
  switch (base) {
    case ThresholdBase::register_at_close: return "eligible registered electors";
    case ThresholdBase::register_at_last_election: return "registered electors at the last election";
    case ThresholdBase::votes_at_last_election: return "votes cast at the last election";
  }
  return "electors";
}

}  // namespace

bool threshold_met(const Threshold& threshold, long signed_count, long base) {
  require_non_negative(signed_count, "the number of signatures");
  require_non_negative(base, "the threshold base");
  const long lhs = checked_multiply(signed_count, whole);
  const long rhs = checked_multiply(threshold.percent, base);
  return threshold.comparison == ThresholdComparison::at_least ? lhs >= rhs : lhs > rhs;
}

bool threshold_met(const Policy& policy, long signed_count, long base) {
  return threshold_met(policy.threshold, signed_count, base);
}

long required_signatures(const Threshold& threshold, long base) {
  require_non_negative(base, "the threshold base");
  const long product = checked_multiply(threshold.percent, base);
  if (threshold.comparison == ThresholdComparison::at_least) return (product + whole - 1) / whole;
  return product / whole + 1;
}

std::string describe_rule(const Threshold& threshold) {
  // signatures × whole (≥ or >) base × percent, reduced to lowest terms: 10% -> "signatures × 10 ≥ base".
  const long divisor = std::gcd(whole, threshold.percent);
  const long left = whole / divisor;
  const long right = divisor == 0 ? 0 : threshold.percent / divisor;
  const char* op = threshold.comparison == ThresholdComparison::at_least ? "≥" : ">";
  std::string lhs = left == 1 ? std::string("signatures") : fmt::format("signatures × {}", left);
  std::string rhs = right == 1 ? base_label(threshold.base) : fmt::format("{} × {}", base_label(threshold.base), right);
  return fmt::format("{} {} {}", lhs, op, rhs);
}

long sample_size(const SampleVerification& rules, long raw_signatures) {
  require_non_negative(raw_signatures, "the number of raw signatures");
  const long share = (checked_multiply(raw_signatures, rules.sample_percent) + whole - 1) / whole;
  return std::min(raw_signatures, std::max(share, rules.sample_minimum));
}

SampleDecision decide_sample(const SampleVerification& rules, long raw_signatures, long sample, long valid_in_sample,
                             long required) {
  require_non_negative(raw_signatures, "the number of raw signatures");
  require_non_negative(required, "the number of signatures required");
  if (sample <= 0 || sample > raw_signatures) {
    throw_invalid(fmt::format("the sample ({}) must be between 1 and the raw signatures ({})", sample, raw_signatures));
  }
  if (valid_in_sample < 0 || valid_in_sample > sample) {
    throw_invalid(fmt::format("valid signatures in the sample ({}) must be between 0 and the sample size ({})",
                              valid_in_sample, sample));
  }
  // projected = valid_in_sample × raw / sample; compare projected × 10000 with band × required.
  const long projected_scaled = checked_multiply(checked_multiply(valid_in_sample, raw_signatures), whole);
  const long certify_bar = checked_multiply(checked_multiply(rules.certify_above, required), sample);
  const long full_count_bar = checked_multiply(checked_multiply(rules.full_count_from, required), sample);
  if (projected_scaled > certify_bar) return SampleDecision::certify;
  if (projected_scaled >= full_count_bar) return SampleDecision::full_count;
  return SampleDecision::fail;
}

}  // namespace recall
