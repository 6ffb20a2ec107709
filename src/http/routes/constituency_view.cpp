// The constituency view model, shared by the constituency page and postcode search.
#include "http/routes/format.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

nlohmann::json result_json(const Parliament& parliament, const ElectionResult& result) {
  nlohmann::json votes = nlohmann::json::array();
  for (const PartyVotes& row : result.votes) {
    votes.push_back({{"party", row.party},
                     {"party_name", party_name(parliament, row.party)},
                     {"votes", row.votes},
                     {"votes_display", with_thousands(row.votes)},
                     {"share_display", percent_of(row.votes, result.valid_votes)}});
  }
  // Turnout as the House of Commons Library gives it: valid votes as a share of the electorate.
  return {{"year", result.year},
          {"held_on", to_iso(result.held_on)},
          {"held_on_display", day_month_year(result.held_on)},
          {"result", result.result},
          {"first_party", result.first_party},
          {"first_party_name", party_name(parliament, result.first_party)},
          {"second_party", result.second_party},
          {"second_party_name", party_name(parliament, result.second_party)},
          {"electorate", result.electorate},
          {"electorate_display", with_thousands(result.electorate)},
          {"valid_votes", result.valid_votes},
          {"invalid_votes", result.invalid_votes},
          {"turnout_display", percent_of(result.valid_votes, result.electorate)},
          {"majority", result.majority},
          {"majority_display", with_thousands(result.majority) + " (" +
                                   percent_of(result.majority, result.valid_votes) + " of valid votes)"},
          {"votes", std::move(votes)}};
}

}  // namespace

nlohmann::json constituency_detail_json(const Parliament& parliament, const Constituency& constituency) {
  nlohmann::json results = nlohmann::json::array();
  for (const ElectionResult& result : constituency.results) results.push_back(result_json(parliament, result));
  nlohmann::json members = nlohmann::json::array();
  for (const Member* member : parliament.members_for(constituency.ons_code)) {
    members.push_back(member_summary_json(parliament, *member));
  }
  nlohmann::json out = {{"ons_code", constituency.ons_code},
                        {"name", constituency.name},
                        {"nation", to_string(constituency.nation)},
                        {"nation_name", display_name(constituency.nation)},
                        {"region", constituency.region},
                        {"results", std::move(results)},
                        {"members", std::move(members)}};
  if (!constituency.county.empty()) out["county"] = constituency.county;
  if (const Member* current = parliament.member_for(constituency.ons_code)) {
    out["mp"] = member_summary_json(parliament, *current);
  }
  return out;
}

}  // namespace recall::http
