#pragma once
// One postcode and the constituency it lies in: what a postcode directory import yields and the
// store keeps.
#include <string>

namespace recall {

struct PostcodeRow {
  std::string postcode;  // normalised: "SW1A 1AA"
  std::string ons_code;
};

}  // namespace recall
