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

  out.required = (out.eligible + 9) / 10;
  out.successful = meets_ten_percent(out.valid_signatures, out.eligible);
  out.percent_tenths = percent_tenths_of(out.valid_signatures, out.eligible);
  return out;
}

long percent_tenths_of(long part, long whole) { return whole > 0 ? (part * 2000 + whole) / (2 * whole) : 0; }

bool meets_ten_percent(long valid, long eligible) { return eligible > 0 && valid * 10 >= eligible; }

std::string format_percent_tenths(long tenths) { return fmt::format("{}.{}", tenths / 10, tenths % 10); }

}  // namespace recall
