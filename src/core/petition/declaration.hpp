#pragma once
// The count and the declaration (s.14, and the public notice): exact integers throughout.
#include <map>
#include <span>
#include <string>

#include "core/petition/signature.hpp"
#include "core/register/eligibility.hpp"

namespace recall {

struct Declaration {
  long eligible = 0;             // eligible registered electors at the close (s.14)
  long valid_signatures = 0;
  long rejected = 0;             // rejected sheets of every reason
  std::map<RejectionReason, long> rejected_by_reason;  // only reasons that occurred
  long percent_tenths = 0;       // valid / eligible as a percentage, in tenths, rounded half up (276 = 27.6%)
  long required = 0;             // the smallest valid count that succeeds (ceil(eligible / 10))
  bool successful = false;       // valid_signatures * 10 >= eligible
  EligibilityCount eligibility;  // the s.14 breakdown behind `eligible`
  bool operator==(const Declaration&) const = default;
};

// Counts the signatures recorded for a petition: each accepted sheet is one valid signature, each
// rejected sheet counts under its reason. Uses count_eligible for the base. `signatures` may arrive in
// any order. Throws Error(internal) if two accepted sheets name the same elector (the store forbids it).
Declaration count_petition(std::span<const RegisterEntry> entries, Date notice, Date cut_off_day, Date close_day,
                           std::span<const SignatureSheet> signatures);

std::string format_percent_tenths(long tenths);  // 276 -> "27.6", 90 -> "9.0"
// part / whole as a percentage in tenths, rounded half up in integers; 0 when whole is 0.
long percent_tenths_of(long part, long whole);
// s.14(3): at least 10% of the eligible registered electors, compared exactly (valid * 10 >= eligible).
// A register with no eligible electors cannot give a result, so it never succeeds.
bool meets_ten_percent(long valid, long eligible);

}  // namespace recall
