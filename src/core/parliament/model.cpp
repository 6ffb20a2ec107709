#include "core/parliament/model.hpp"

#include "core/base/error.hpp"

namespace recall {

std::string to_string(Nation nation) {
  switch (nation) {
    case Nation::england: return "england";
    case Nation::scotland: return "scotland";
    case Nation::wales: return "wales";
    case Nation::northern_ireland: return "northern-ireland";
  }
  throw Error(ErrorKind::internal, "unknown nation value");
}

std::string display_name(Nation nation) {
  switch (nation) {
    case Nation::england: return "England";
    case Nation::scotland: return "Scotland";
    case Nation::wales: return "Wales";
    case Nation::northern_ireland: return "Northern Ireland";
  }
  throw Error(ErrorKind::internal, "unknown nation value");
}

Nation parse_nation(const std::string& text) {
  for (const auto nation : {Nation::england, Nation::scotland, Nation::wales, Nation::northern_ireland}) {
    if (text == to_string(nation) || text == display_name(nation)) return nation;
  }
  throw_invalid("unknown nation \"" + text +
                "\": expected england, scotland, wales or northern-ireland (or England, Scotland, Wales, "
                "Northern Ireland)");
}

HolidayRegion holiday_region(Nation nation) {
  switch (nation) {
    case Nation::england:
    case Nation::wales: return HolidayRegion::england_and_wales;
    case Nation::scotland: return HolidayRegion::scotland;
    case Nation::northern_ireland: return HolidayRegion::northern_ireland;
  }
  throw Error(ErrorKind::internal, "unknown nation value");
}

}  // namespace recall
