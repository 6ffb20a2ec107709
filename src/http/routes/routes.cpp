#include "http/routes/routes.hpp"

#include "http/routes/handlers.hpp"
#include "http/routes/petition_pages.hpp"

namespace recall::http {

void add_routes(Router& router, const Site& site) {
  // Each handler captures the Site by reference: it outlives the router (see routes.hpp).
  const auto bind = [&site](Response (*handler)(const Site&, const Request&)) -> Handler {
    return [&site, handler](const Request& request) { return handler(site, request); };
  };
  router.add_page("/", bind(home_page));
  router.add_page("/search", bind(search_page));
  router.add_page("/mps", bind(mps_page));
  router.add_page("/mps/{id}", bind(mp_page));
  router.add_page("/constituencies", bind(constituencies_page));
  router.add_page("/constituencies/{ons}", bind(constituency_page));
  router.get("/api/constituencies/{ons}/mp", bind(constituency_mp_api));
  router.add_page("/map", bind(map_page));
  router.get("/api/hexmap", bind(map_page));
  router.add_page("/rules", bind(rules_page));
  router.add_page("/rules/evaluate", bind(rules_evaluate_page));
  router.get("/api/policies", bind(policies_api));
  router.get("/api/policies/{id}", bind(policy_api));
  router.get("/api/parties", bind(parties_api));
  // Online signing, where the petition's policy allows it (each page with its JSON twin).
  router.add_page("/petitions/{id}/sign", bind(online_sign_page));
  router.add_page("POST", "/petitions/{id}/sign", bind(online_sign_submit));
  router.add_page("/petitions/{id}/sign/code", bind(online_sign_code_page));
  router.add_page("POST", "/petitions/{id}/sign/code", bind(online_sign_code_submit));
  router.add_page("/petitions/{id}/sign/receipt", bind(online_sign_receipt_page));
  router.get("/petitions/{id}/sign/receipt.txt", bind(online_sign_receipt_download));
  // Accounts and the statutory petition pages (public, officer, staff), behind their gates.
  add_petition_routes(router, site);
}

}  // namespace recall::http
