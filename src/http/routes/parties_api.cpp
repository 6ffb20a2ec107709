// GET /api/parties: the party table (code, name, map colour) with how many MPs were elected for and
// sit for each.
#include <map>

#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response parties_api(const Site& site, const Request& /*request*/) {
  std::map<std::string, long> elected;
  std::map<std::string, long> sitting;
  for (const Member& member : site.parliament.data().members) {
    ++elected[member.elected_party];
    ++sitting[member.current_party()];
  }
  nlohmann::json parties = nlohmann::json::array();
  for (const Party& party : site.parliament.data().parties) {
    parties.push_back({{"code", party.code},
                       {"name", party.name},
                       {"colour", party.colour},
                       {"members_elected", elected[party.code]},
                       {"members_at_end", sitting[party.code]}});
  }
  return json_response({{"parties", std::move(parties)}});
}

}  // namespace recall::http
