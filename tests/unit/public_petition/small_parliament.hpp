#pragma once
// A Parliament of four constituencies, one per nation, with one MP each: enough for targets and
// counts without loading the reference data.
#include <string>

#include "core/parliament/parliament.hpp"

namespace recall::testing {

inline Constituency constituency(std::string ons_code, std::string name, Nation nation) {
  return Constituency{std::move(ons_code), std::move(name), nation, "", "", {}};
}

inline Member member(std::string id, std::string name, std::string ons_code) {
  return Member{std::move(id),
                std::move(name),
                std::move(ons_code),
                2019,
                make_date(2019, 12, 12),
                std::nullopt,
                "lab",
                {PartySpell{"lab", make_date(2019, 12, 12), std::nullopt, std::nullopt, ""}}};
}

inline Parliament small_parliament() {
  ReferenceData data;
  data.constituencies = {
      constituency("E14000978", "Streatham", Nation::england),
      constituency("S14000051", "Glasgow North East", Nation::scotland),
      constituency("W07000041", "Ynys Môn", Nation::wales),
      constituency("N06000001", "Belfast East", Nation::northern_ireland),
  };
  data.members = {member("2019-E14000978", "Bell Ribeiro-Addy", "E14000978"),
                  member("2019-S14000051", "Anne McLaughlin", "S14000051")};
  return Parliament(std::move(data));
}

}  // namespace recall::testing
