#include "http/routes/routes.hpp"

#include "http/routes/handlers.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/public_petition_pages.hpp"

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
  // The petition ledgers (issue 4): the deployment's verifier key, the log's checkpoints and proofs,
  // the public recount downloads, and the receipt check (the code travels in POST bodies only).
  router.get("/.well-known/recall-key", bind(well_known_key));
  router.get("/petitions/{id}/ledger/checkpoint", bind(ledger_checkpoint));
  router.get("/petitions/{id}/ledger/checkpoints/{size}", bind(ledger_checkpoint_at));
  router.add_page("/petitions/{id}/ledger/consistency", bind(ledger_consistency));
  router.get("/petitions/{id}/export/{file}", bind(ledger_export_file));
  router.get("/petitions/{id}/export/checkpoints/{size}", bind(ledger_export_checkpoint));
  router.add_page("/petitions/{id}/receipt", bind(receipt_check_page));
  router.add_page("POST", "/petitions/{id}/receipt", bind(receipt_check_submit));
  router.post("/petitions/{id}/receipt.txt", bind(receipt_file_download));
  // Accounts and the statutory petition pages (public, officer, staff), behind their gates.
  add_petition_routes(router, site);
  // Public "call a by-election" petitions (issue 5) and their moderators.
  add_public_petition_routes(router, site);
}

}  // namespace recall::http
