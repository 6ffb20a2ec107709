#include "core/parliament/parliament.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/parliament/text_fold.hpp"

namespace recall {

namespace {

// Surname for sorting: the last word of the name. Good enough for an index ordering; names such as
// "Iain Duncan Smith" sort under "Smith", as in many printed lists.
std::string sort_key(const Member& member) {
  const auto folded = fold_for_search(member.name);
  const auto space = folded.rfind(' ');
  const auto surname = space == std::string::npos ? folded : folded.substr(space + 1);
  return surname + '\x01' + folded;
}

// How well `query` (folded, non-empty) matches `name` (folded): lower is better, nullopt is no match.
std::optional<int> match_rank(const std::string& name, const std::string& query) {
  if (name == query) return 0;
  if (name.starts_with(query)) return 1;
  const auto at = name.find(query);
  if (at != std::string::npos && name[at - 1] == ' ') return 2;  // at > 0 as it is not a prefix
  // Every word of the query starts some word of the name, in any order: "umunna chuka".
  std::vector<std::string_view> words;
  const std::string_view all(name);
  for (std::size_t start = 0; start <= all.size();) {
    auto end = all.find(' ', start);
    if (end == std::string_view::npos) end = all.size();
    words.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  bool every_word = true;
  const std::string_view q(query);
  for (std::size_t start = 0; start <= q.size() && every_word;) {
    auto end = q.find(' ', start);
    if (end == std::string_view::npos) end = q.size();
    const auto word = q.substr(start, end - start);
    every_word = std::any_of(words.begin(), words.end(), [&](std::string_view w) { return w.starts_with(word); });
    start = end + 1;
  }
  if (every_word) return 3;
  if (at != std::string::npos) return 4;
  return std::nullopt;
}

}  // namespace

Parliament::Parliament(ReferenceData data) : data_(std::move(data)) {
  for (std::size_t i = 0; i < data_.constituencies.size(); ++i) {
    if (!constituency_index_.emplace(data_.constituencies[i].ons_code, i).second) {
      throw Error(ErrorKind::internal, "duplicate constituency " + data_.constituencies[i].ons_code);
    }
  }
  for (std::size_t i = 0; i < data_.members.size(); ++i) {
    const auto& member = data_.members[i];
    if (member.history.empty()) throw Error(ErrorKind::internal, "member " + member.id + " has no party history");
    if (!member_index_.emplace(member.id, i).second) throw Error(ErrorKind::internal, "duplicate member " + member.id);
  }
  for (std::size_t i = 0; i < data_.parties.size(); ++i) party_index_.emplace(data_.parties[i].code, i);
}

const Constituency* Parliament::constituency(std::string_view ons_code) const {
  const auto it = constituency_index_.find(std::string(ons_code));
  return it == constituency_index_.end() ? nullptr : &data_.constituencies[it->second];
}

const Member* Parliament::member(std::string_view id) const {
  const auto it = member_index_.find(std::string(id));
  return it == member_index_.end() ? nullptr : &data_.members[it->second];
}

std::vector<const Member*> Parliament::members_for(std::string_view ons_code) const {
  std::vector<const Member*> out;
  for (const auto& member : data_.members) {
    if (member.constituency == ons_code) out.push_back(&member);
  }
  std::stable_sort(out.begin(), out.end(), [](const Member* a, const Member* b) {
    return std::tie(a->parliament, a->elected_on) < std::tie(b->parliament, b->elected_on);
  });
  return out;
}

const Member* Parliament::member_for(std::string_view ons_code, std::optional<int> parliament) const {
  const auto all = members_for(ons_code);
  const Member* found = nullptr;
  for (const auto* member : all) {
    if (!parliament || member->parliament == *parliament) found = member;  // the latest wins
  }
  if (found && !parliament) {
    // The most recent Parliament loaded overall, not merely the latest this seat has a member in.
    const auto years = parliaments();
    if (!years.empty() && found->parliament != years.back()) return nullptr;
  }
  return found;
}

const Party* Parliament::party(std::string_view code) const {
  const auto it = party_index_.find(std::string(code));
  return it == party_index_.end() ? nullptr : &data_.parties[it->second];
}

std::vector<const Member*> Parliament::members(const MemberFilter& filter) const {
  const auto wanted_name = fold_for_search(filter.name_contains);
  std::vector<std::pair<std::string, const Member*>> keyed;
  for (const auto& member : data_.members) {
    if (filter.party && member.current_party() != *filter.party) continue;
    if (filter.parliament && member.parliament != *filter.parliament) continue;
    if (filter.changed_party_only && !member.changed_party()) continue;
    if (filter.nation) {
      const auto* seat = constituency(member.constituency);
      if (!seat || seat->nation != *filter.nation) continue;
    }
    if (!wanted_name.empty() && fold_for_search(member.name).find(wanted_name) == std::string::npos) continue;
    keyed.emplace_back(sort_key(member), &member);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->parliament) < std::tie(b.first, b.second->parliament);
  });
  std::vector<const Member*> out;
  out.reserve(keyed.size());
  for (const auto& [key, member] : keyed) out.push_back(member);
  return out;
}

std::vector<SearchHit> Parliament::search(std::string_view text, std::size_t limit) const {
  const auto query = fold_for_search(text);
  if (query.empty() || limit == 0) return {};
  struct Ranked {
    int rank;
    int kind_order;
    std::string sort;
    SearchHit hit;
  };
  std::vector<Ranked> ranked;
  for (const auto& seat : data_.constituencies) {
    const auto folded = fold_for_search(seat.name);
    if (auto rank = match_rank(folded, query)) {
      ranked.push_back({*rank, 0, folded, {SearchHit::Kind::constituency, seat.ons_code, seat.name}});
    }
  }
  for (const auto& member : data_.members) {
    const auto folded = fold_for_search(member.name);
    if (auto rank = match_rank(folded, query)) {
      const auto* seat = constituency(member.constituency);
      auto label = fmt::format("{} ({}, {})", member.name, seat ? seat->name : member.constituency, member.parliament);
      // Newer Parliaments first for the same person, then by name.
      ranked.push_back({*rank, 1, fmt::format("{}\x01{}", folded, 9999 - member.parliament),
                        {SearchHit::Kind::member, member.id, std::move(label)}});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.rank, a.kind_order, a.sort) < std::tie(b.rank, b.kind_order, b.sort);
  });
  std::vector<SearchHit> out;
  for (auto& entry : ranked) {
    if (out.size() == limit) break;
    out.push_back(std::move(entry.hit));
  }
  return out;
}

std::vector<int> Parliament::parliaments() const {
  std::set<int> years;
  for (const auto& member : data_.members) years.insert(member.parliament);
  return {years.begin(), years.end()};
}

}  // namespace recall
