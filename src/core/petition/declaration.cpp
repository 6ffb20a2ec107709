#include "core/petition/declaration.hpp"

#include <set>
#include <string_view>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

Declaration count_petition(std::span<const RegisterEntry> entries, Date notice, Date cut_off_day, Date close_day,
                           std::span<const SignatureSheet> signatures) {
  Declaration out;
  out.eligibility = count_eligible(entries, notice, cut_off_day, close_day);
  out.eligible = out.eligibility.eligible;

  std::set<std::string_view> signed_electors;
  for (const SignatureSheet& sheet : signatures) {
    if (sheet.rejection) {
      ++out.rejected;
      ++out.rejected_by_reason[*sheet.rejection];
      continue;
    }
    if (!signed_electors.insert(sheet.elector_number).second) {
      throw Error(ErrorKind::internal,
                  fmt::format("two accepted sheets for elector {} in petition {}", sheet.elector_number,
                              sheet.petition_id));
    }
    ++out.valid_signatures;
  }

  // s.14(3): at least 10% of the eligible registered electors, compared exactly. A register with no
  // eligible electors cannot give a result, so it never succeeds.
  out.required = (out.eligible + 9) / 10;
  out.successful = out.eligible > 0 && out.valid_signatures * 10 >= out.eligible;
  if (out.eligible > 0) {
    // valid / eligible * 1000, rounded half up, in integers.
    out.percent_tenths = (out.valid_signatures * 2000 + out.eligible) / (2 * out.eligible);
  }
  return out;
}

std::string format_percent_tenths(long tenths) { return fmt::format("{}.{}", tenths / 10, tenths % 10); }

}  // namespace recall
