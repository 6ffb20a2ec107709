#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_reference_store.hpp"

namespace recall {

namespace {

[[noreturn]] void reject(const std::string& record, const std::string& field, const std::string& message) {
  throw Error(ErrorKind::invalid_input, message, SourceLocation{record, 0, 0, field});
}

void require_key(const std::string& value, const std::string& record, const std::string& field) {
  if (value.empty()) reject(record, field, fmt::format("{} is empty", field));
}

}  // namespace

void validate_reference_data(const ReferenceData& data) {
  if (data.source_digest.empty()) reject("reference data", "source_digest", "the source digest is empty");

  std::set<std::string> parties;
  for (std::size_t i = 0; i < data.parties.size(); ++i) {
    const Party& party = data.parties[i];
    const std::string record = fmt::format("parties[{}]", i);
    require_key(party.code, record, "code");
    if (!parties.insert(party.code).second) reject(record, "code", fmt::format("party '{}' appears twice", party.code));
  }

  std::set<std::string> constituencies;
  for (std::size_t i = 0; i < data.constituencies.size(); ++i) {
    const Constituency& constituency = data.constituencies[i];
    const std::string record = fmt::format("constituencies[{}]", i);
    require_key(constituency.ons_code, record, "ons_code");
    if (!constituencies.insert(constituency.ons_code).second) {
      reject(record, "ons_code", fmt::format("constituency '{}' appears twice", constituency.ons_code));
    }
    std::set<int> years;
    for (std::size_t r = 0; r < constituency.results.size(); ++r) {
      const ElectionResult& result = constituency.results[r];
      const std::string result_record = fmt::format("constituencies[{}] ({}) results[{}]", i, constituency.ons_code, r);
      if (!years.insert(result.year).second) {
        reject(result_record, "year", fmt::format("two results for the {} election", result.year));
      }
      for (std::size_t v = 0; v < result.votes.size(); ++v) {
        if (result.votes[v].votes < 0) {
          reject(fmt::format("{} votes[{}]", result_record, v), "votes", "a vote count is negative");
        }
      }
    }
  }

  std::set<std::string> members;
  for (std::size_t i = 0; i < data.members.size(); ++i) {
    const Member& member = data.members[i];
    const std::string record = fmt::format("members[{}]", i);
    require_key(member.id, record, "id");
    if (!members.insert(member.id).second) reject(record, "id", fmt::format("member '{}' appears twice", member.id));
    if (member.history.empty()) {
      reject(record, "history", fmt::format("member '{}' has no party spells (the first is the party elected for)", member.id));
    }
  }

  std::set<std::string> hexes;
  for (std::size_t i = 0; i < data.hexes.size(); ++i) {
    const std::string record = fmt::format("hexes[{}]", i);
    require_key(data.hexes[i].ons_code, record, "ons_code");
    if (!hexes.insert(data.hexes[i].ons_code).second) {
      reject(record, "ons_code", fmt::format("hex for '{}' appears twice", data.hexes[i].ons_code));
    }
  }

  for (const auto& [postcode, ons_code] : data.postcodes) {
    const std::string record = fmt::format("postcodes[{}]", postcode);
    require_key(postcode, record, "postcode");
    require_key(ons_code, record, "ons_code");
  }
}

}  // namespace recall
