// GET /rules: the recall policies side by side, and the form to evaluate an event for an MP.
#include "core/rules/rules_json.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/policy_table.hpp"
#include "http/routes/rules_form.hpp"

namespace recall::http {

Response rules_page(const Site& site, const Request& request) {
  nlohmann::json view = policy_table_json(site.policies);
  nlohmann::json policies = nlohmann::json::array();
  for (const Policy& policy : site.policies.policies()) policies.push_back(to_json(policy));
  view["policies"] = std::move(policies);
  // An untouched form: nothing read, so nothing to complain about.
  view["form"] = evaluate_form_json(site, EvaluateForm{});
  return render(request, site.templates, "rules", PageMeta{"Recall rules compared", 200}, view);
}

}  // namespace recall::http
