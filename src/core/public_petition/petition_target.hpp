#pragma once
// Whom a public petition is about, when its creator says: an MP (core/parliament member id) or a
// constituency (ONS code), or neither for a petition about the country at large. Naming an MP fixes
// the constituency too, so pages can link the two.
#include <optional>
#include <string>
#include <string_view>

namespace recall {
class Parliament;
}  // namespace recall

namespace recall::public_petition {

struct PetitionTarget {
  std::optional<std::string> member_id;  // "2019-E14000978"
  std::optional<std::string> ons_code;   // "E14000978"

  bool operator==(const PetitionTarget&) const = default;
};

// "E14000978": a nation letter (E, S, W or N) and eight digits.
bool is_ons_constituency_code(std::string_view text);

// From the form's fields ("mp", "constituency"), either or both empty: trims, upper-cases the ONS
// code and checks both against Parliament. An MP and a constituency that disagree are refused; an
// MP alone brings their constituency. Throws Error(invalid_input) naming the field.
PetitionTarget resolve_petition_target(std::string_view member_id, std::string_view ons_code,
                                       const Parliament& parliament);

}  // namespace recall::public_petition
