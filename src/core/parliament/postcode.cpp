// normalise_postcode (declared in parliament.hpp): the shape of a UK postcode as Royal Mail defines
// it. Outward code A9, A99, AA9, AA99, A9A or AA9A; inward code 9AA; letters restricted by position.
#include <string>
#include <string_view>

#include "core/parliament/parliament.hpp"

namespace recall {

namespace {

bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

bool valid_outward(std::string_view out) {
  if (out.size() < 2 || out.size() > 4) return false;
  if (!is_letter(out[0]) || one_of(out[0], "QVX")) return false;
  if (is_digit(out[1])) {
    // A9, A99, A9A
    if (out.size() == 2) return true;
    if (out.size() != 3) return false;
    return is_digit(out[2]) || one_of(out[2], "ABCDEFGHJKPSTUW");
  }
  // AA9, AA99, AA9A
  if (!is_letter(out[1]) || one_of(out[1], "IJZ") || out.size() < 3 || !is_digit(out[2])) return false;
  if (out.size() == 3) return true;
  return is_digit(out[3]) || one_of(out[3], "ABEHMNPRVWXY");
}

bool valid_inward(std::string_view in) {
  return in.size() == 3 && is_digit(in[0]) && is_letter(in[1]) && is_letter(in[2]) &&
         !one_of(in[1], "CIKMOV") && !one_of(in[2], "CIKMOV");
}

}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
  std::string compact;
  compact.reserve(8);
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '-' || c == '\r' || c == '\n') continue;
    if (compact.size() == 7) return std::nullopt;
    if (c >= 'a' && c <= 'z') {
      compact += static_cast<char>(c - 'a' + 'A');
    } else if (is_letter(c) || is_digit(c)) {
      compact += c;
    } else {
      return std::nullopt;
    }
  }
  if (compact.size() < 5) return std::nullopt;
  const std::string_view all(compact);
  const auto outward = all.substr(0, all.size() - 3);
  const auto inward = all.substr(all.size() - 3);
  // Girobank's GIR 0AA predates the rules above and is still valid.
  if (compact != "GIR0AA" && !(valid_outward(outward) && valid_inward(inward))) return std::nullopt;
  std::string out(outward);
  out += ' ';
  out += inward;
  return out;
}

}  // namespace recall
