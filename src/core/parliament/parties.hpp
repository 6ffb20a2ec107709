#pragma once
// The canonical parties (codes, names, colours) and the table that maps every spelling found in the
// source data ("Con", "Labour and Co-operative Party", "The Independent Group") to a canonical code.
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/base/error.hpp"
#include "core/parliament/model.hpp"

namespace recall {

// Every canonical party, in a stable display order, with its usual colour and the text colour
// (black or white) that reads better on it.
const std::vector<Party>& canonical_parties();
const Party* find_canonical_party(std::string_view code);

// WCAG 2 contrast ratio between two "#rrggbb" colours (1 to 21); throws Error on a bad colour.
double contrast_ratio(std::string_view colour_a, std::string_view colour_b);

class PartySpellings {
 public:
  // Reads a CSV with columns "spelling" and "party" (a canonical code). Spellings compare
  // case-insensitively and ignoring surrounding blanks.
  static PartySpellings read(std::istream& in, const std::string& source_name);

  void add(std::string_view spelling, std::string_view code);
  [[nodiscard]] std::optional<std::string> find(std::string_view spelling) const;
  // As find, but an unknown spelling is an Error at `where`.
  [[nodiscard]] std::string require(std::string_view spelling, const SourceLocation& where) const;
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, std::string> codes_;  // lower-cased spelling -> code
};

}  // namespace recall
