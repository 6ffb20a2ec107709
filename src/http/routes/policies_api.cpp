// GET /api/policies and /api/policies/{id}: the recall policies as the rules engine describes them.
#include "core/rules/rules_json.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response policies_api(const Site& site, const Request& /*request*/) {
  nlohmann::json policies = nlohmann::json::array();
  for (const Policy& policy : site.policies.policies()) policies.push_back(to_json(policy));
  return json_response({{"policies", std::move(policies)}});
}

Response policy_api(const Site& site, const Request& request) {
  // PolicySet::get throws Error(not_found) naming the id.
  return json_response(to_json(site.policies.get(request.path_params.at("id"))));
}

}  // namespace recall::http
