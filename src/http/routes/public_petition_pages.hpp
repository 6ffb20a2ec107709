#pragma once
// Public "call a by-election" petitions on the web (issue 5; docs/public-petitions.md): the list,
// the petition page, its JSON and CSV, creating and sponsoring, signing and confirming (answered
// asynchronously, after the intake's group commit), the privacy page, and the moderators' pages.
// add_public_petition_routes (public_petition_routes.cpp) binds them to paths under /public, plus
// the two literal paths the issue names, /petitions/{id}.json and /petitions/{id}/count.json.
#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "http/responder.hpp"
#include "http/router.hpp"
#include "http/site.hpp"

namespace recall::http {

void add_public_petition_routes(Router& router, const Site& site);

// Public pages (public_petition_list.cpp, public_petition_page.cpp, public_petition_csv.cpp,
// public_privacy_page.cpp)
Response public_petitions_page(const Site& site, const Request& request);   // GET /public/petitions[?state=]
Response public_petitions_json(const Site& site, const Request& request);   // GET /public/petitions.json
Response public_petition_page(const Site& site, const Request& request);    // GET /public/petitions/{id}
Response public_petition_csv(const Site& site, const Request& request);     // GET /public/petitions/{id}/signatures-by-constituency.csv
Response public_privacy_page(const Site& site, const Request& request);     // GET /public/privacy

// Creating and sponsoring (public_petition_create.cpp, public_petition_sponsor.cpp)
Response public_new_petition_page(const Site& site, const Request& request);    // GET /public/petitions/new
Response public_new_petition_submit(const Site& site, const Request& request);  // POST /public/petitions/new
Response public_sponsor_page(const Site& site, const Request& request);         // GET /public/petitions/{id}/sponsor/{token}
void public_sponsor_submit(const Site& site, const Request& request, Responder respond);  // POST the same

// Signing and confirming, answered after COMMIT (public_petition_sign.cpp, public_petition_confirm.cpp)
void public_sign_submit(const Site& site, const Request& request, Responder respond);   // POST /public/petitions/{id}/signatures
void public_sign_api(const Site& site, const Request& request, Responder respond);      // POST /api/public/petitions/{id}/signatures
Response public_confirm_page(const Site& site, const Request& request);                 // GET /public/petitions/{id}/confirm/{token}
void public_confirm_submit(const Site& site, const Request& request, Responder respond);  // POST the same
void public_confirm_api(const Site& site, const Request& request, Responder respond);      // POST /api/public/petitions/confirm/{token}

// Moderators (moderation_*.cpp), behind Permission::moderate_public_petitions
Response moderation_queue_page(const Site& site, const Request& request, const Visitor& visitor);      // GET /moderation
Response moderation_petition_page(const Site& site, const Request& request, const Visitor& visitor);   // GET /moderation/petitions/{id}
Response moderation_decide_submit(const Site& site, const Request& request, const Visitor& visitor);   // POST /moderation/petitions/{id}/{publish|reject|hide}
Response moderation_invalidate_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /moderation/petitions/{id}/invalidate
Response moderation_clear_suspects_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /moderation/petitions/{id}/clear-suspects
Response moderation_recount_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /moderation/petitions/{id}/recount
Response moderation_blocks_page(const Site& site, const Request& request, const Visitor& visitor);     // GET /moderation/blocks
Response moderation_add_block_submit(const Site& site, const Request& request, const Visitor& visitor);     // POST /moderation/blocks
Response moderation_remove_block_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /moderation/blocks/{block}/remove

}  // namespace recall::http
