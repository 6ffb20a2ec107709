// GET /api/constituencies/{ons}/mp: the MP of one Parliament for a seat, with history and recall
// evaluations. ?parliament=YYYY chooses the Parliament. Without it the answer is the most recent
// Parliament in which the seat's MP changed party, if there is one, else the most recent
// Parliament: the MP whose recall position is in question is the useful default. "parliament"
// and "parliament_chosen_by" in the reply say which rule applied.
#include "core/base/error.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response constituency_mp_api(const Site& site, const Request& request) {
  const std::string ons = request.path_params.at("ons");
  const Constituency* constituency = site.parliament.constituency(ons);
  if (constituency == nullptr) throw_not_found("There is no constituency with the ONS code '" + ons + "'");

  const std::optional<int> chosen = parliament_param(site.parliament, request);
  const Member* member = nullptr;
  std::string chosen_by;
  if (chosen) {
    member = site.parliament.member_for(ons, chosen);
    chosen_by = "query";
    if (member == nullptr) {
      throw Error(ErrorKind::not_found,
                  "No MP is recorded for " + constituency->name + " in the " + std::to_string(*chosen) +
                      " Parliament",
                  query_field("parliament"));
    }
  } else {
    const std::vector<const Member*> members = site.parliament.members_for(ons);
    for (auto it = members.rbegin(); it != members.rend() && member == nullptr; ++it) {
      if ((*it)->changed_party()) member = *it;
    }
    chosen_by = "default: the most recent Parliament in which the seat's MP changed party";
    if (member == nullptr) {
      member = site.parliament.member_for(ons);
      chosen_by = "default: the most recent Parliament (no MP for this seat changed party)";
    }
    if (member == nullptr) throw_not_found("No MP is recorded for " + constituency->name);
  }

  nlohmann::json body = member_detail_json(site, *member);
  body["parliament_chosen_by"] = chosen_by;
  return json_response(body);
}

}  // namespace recall::http
