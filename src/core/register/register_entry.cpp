#include "core/register/register_entry.hpp"

#include <array>
#include <cstddef>
#include <utility>

namespace recall {

namespace {
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<std::pair<ChangeKind, std::string_view>, 3> kind_names{{
    {ChangeKind::addition, "addition"}, {ChangeKind::deletion, "deletion"}, {ChangeKind::correction, "correction"}}};
constexpr std::array<std::pair<ChangeCause, std::string_view>, 4> cause_names{{
    {ChangeCause::application, "application"},
    {ChangeCause::late_application, "late-application"},
    {ChangeCause::court_order, "court-order"},
    {ChangeCause::error_correction, "error-correction"}}};
constexpr std::array<std::pair<AbsentVote, std::string_view>, 4> vote_codes{{
    {AbsentVote::none, ""}, {AbsentVote::postal, "P"}, {AbsentVote::proxy, "X"}, {AbsentVote::postal_proxy, "Z"}}};

template <typename T, std::size_t N>
std::optional<T> find_by_name(const std::array<std::pair<T, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename T, std::size_t N>
std::string_view name_of(const std::array<std::pair<T, std::string_view>, N>& table, T value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return {};
}
}  // namespace

bool is_valid_elector_number(std::string_view text) {
  std::size_t letters = 0;
  while (letters < text.size() && is_upper(text[letters])) ++letters;
  if (letters == 0 || letters > 3 || letters >= text.size() || text[letters] != '-') return false;
  const std::string_view digits = text.substr(letters + 1);
  if (digits.empty() || digits.size() > 6 || digits.front() == '0') return false;
  for (char c : digits) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::string_view polling_district_of(std::string_view elector_number) {
  return elector_number.substr(0, elector_number.find('-'));
}

std::string_view to_string(ChangeKind kind) { return name_of(kind_names, kind); }
std::string_view to_string(ChangeCause cause) { return name_of(cause_names, cause); }
std::string_view to_code(AbsentVote vote) { return name_of(vote_codes, vote); }

std::string to_code(const FranchiseMarkers& markers) {
  std::string out;
  if (markers.overseas) out += 'F';
  if (markers.anonymous) out += 'N';
  if (markers.attainer) out += 'A';
  return out;
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) { return find_by_name(kind_names, text); }
std::optional<ChangeCause> parse_change_cause(std::string_view text) { return find_by_name(cause_names, text); }
std::optional<AbsentVote> parse_absent_vote(std::string_view text) { return find_by_name(vote_codes, text); }

std::optional<FranchiseMarkers> parse_markers(std::string_view text) {
  FranchiseMarkers out;
  for (char c : text) {
    bool* flag = nullptr;
    if (c == 'F') flag = &out.overseas;
    if (c == 'N') flag = &out.anonymous;
    if (c == 'A') flag = &out.attainer;
    if (flag == nullptr || *flag) return std::nullopt;
    *flag = true;
  }
  return out;
}

}  // namespace recall
