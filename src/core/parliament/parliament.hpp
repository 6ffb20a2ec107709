#pragma once
// An in-memory, read-only index over the reference data: what the pages, API and rules engine ask of
// Parliament. Built once at start from the store (650 constituencies, ~1,300 MPs: microseconds).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/parliament/model.hpp"

namespace recall {

struct MemberFilter {
  std::optional<std::string> party;      // canonical code of the party sat for now
  std::optional<Nation> nation;
  std::optional<int> parliament;         // 2017 or 2019; absent: both
  bool changed_party_only = false;       // "sits for a party other than the one elected for"
  std::string name_contains;             // case-insensitive
};

struct SearchHit {
  enum class Kind { member, constituency } kind;
  std::string id;     // member id or ONS code
  std::string label;  // "Chuka Umunna (Streatham, 2017)"
};

class Parliament {
 public:
  explicit Parliament(ReferenceData data);

  [[nodiscard]] const ReferenceData& data() const { return data_; }
  [[nodiscard]] const Constituency* constituency(std::string_view ons_code) const;
  [[nodiscard]] const Member* member(std::string_view id) const;
  // The MP for a constituency in a Parliament (default: the most recent one loaded).
  [[nodiscard]] const Member* member_for(std::string_view ons_code, std::optional<int> parliament = std::nullopt) const;
  [[nodiscard]] std::vector<const Member*> members_for(std::string_view ons_code) const;  // oldest first
  [[nodiscard]] const Party* party(std::string_view code) const;
  [[nodiscard]] std::vector<const Member*> members(const MemberFilter& filter) const;  // sorted by surname, name
  // Free text: an MP's name or a constituency's name, case- and accent-insensitive, best first.
  [[nodiscard]] std::vector<SearchHit> search(std::string_view text, std::size_t limit = 20) const;
  [[nodiscard]] std::vector<int> parliaments() const;  // {2017, 2019}

 private:
  ReferenceData data_;
  std::unordered_map<std::string, std::size_t> constituency_index_;
  std::unordered_map<std::string, std::size_t> member_index_;
  std::unordered_map<std::string, std::size_t> party_index_;
};

// "sw1a1aa", " SW1A 1AA", "sw1a-1aa" -> "SW1A 1AA"; nullopt when it cannot be a UK postcode.
std::optional<std::string> normalise_postcode(std::string_view text);

}  // namespace recall
