#pragma once
// One handler per page, each in its own file; add_routes (routes.cpp) binds them to paths.
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

Response home_page(const Site& site, const Request& request);               // GET /
Response search_page(const Site& site, const Request& request);             // GET /search?q=
Response mps_page(const Site& site, const Request& request);                // GET /mps
Response mp_page(const Site& site, const Request& request);                 // GET /mps/{id}
Response constituencies_page(const Site& site, const Request& request);     // GET /constituencies
Response constituency_page(const Site& site, const Request& request);       // GET /constituencies/{ons}
Response constituency_mp_api(const Site& site, const Request& request);     // GET /api/constituencies/{ons}/mp
Response map_page(const Site& site, const Request& request);                // GET /map, /api/hexmap
Response rules_page(const Site& site, const Request& request);              // GET /rules
Response rules_evaluate_page(const Site& site, const Request& request);     // GET /rules/evaluate
Response policies_api(const Site& site, const Request& request);            // GET /api/policies
Response policy_api(const Site& site, const Request& request);              // GET /api/policies/{id}
Response parties_api(const Site& site, const Request& request);             // GET /api/parties
Response login_page(const Site& site, const Request& request);              // GET /login
Response login_submit(const Site& site, const Request& request);            // POST /login
Response logout_submit(const Site& site, const Request& request);           // POST /logout
// Online signing (online_sign_*.cpp): public, protected by a form token bound to a cookie, not a session.
Response online_sign_page(const Site& site, const Request& request);              // GET /petitions/{id}/sign
Response online_sign_submit(const Site& site, const Request& request);            // POST /petitions/{id}/sign
Response online_sign_code_page(const Site& site, const Request& request);         // GET /petitions/{id}/sign/code
Response online_sign_code_submit(const Site& site, const Request& request);       // POST /petitions/{id}/sign/code
Response online_sign_receipt_page(const Site& site, const Request& request);      // GET /petitions/{id}/sign/receipt
Response online_sign_receipt_download(const Site& site, const Request& request);  // GET /petitions/{id}/sign/receipt.txt
// The petition ledgers (ledger_page.cpp, ledger_export.cpp, receipt_check_page.cpp): public, sealed
// alike for every petition until the declaration.
Response well_known_key(const Site& site, const Request& request);            // GET /.well-known/recall-key
Response ledger_checkpoint(const Site& site, const Request& request);         // GET /petitions/{id}/ledger/checkpoint
Response ledger_checkpoint_at(const Site& site, const Request& request);      // GET /petitions/{id}/ledger/checkpoints/{size}
Response ledger_consistency(const Site& site, const Request& request);        // GET /petitions/{id}/ledger/consistency?old=&new=
Response ledger_export_file(const Site& site, const Request& request);        // GET /petitions/{id}/export/{file}
Response ledger_export_checkpoint(const Site& site, const Request& request);  // GET /petitions/{id}/export/checkpoints/{size}
Response receipt_check_page(const Site& site, const Request& request);        // GET /petitions/{id}/receipt
Response receipt_check_submit(const Site& site, const Request& request);      // POST /petitions/{id}/receipt
Response receipt_file_download(const Site& site, const Request& request);     // POST /petitions/{id}/receipt.txt

}  // namespace recall::http
