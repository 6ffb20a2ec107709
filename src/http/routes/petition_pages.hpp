#pragma once
// The statutory petition pages: public, officer, staff and observer. Each takes the Visitor its gate
// (http/auth/guard.hpp) resolved; add_petition_routes (petition_routes.cpp) binds them to paths with
// the permissions each needs.
#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/site.hpp"

namespace recall::http {

void add_petition_routes(Router& router, const Site& site);

// public
Response petitions_page(const Site& site, const Request& request, const Visitor& visitor);        // GET /petitions
Response petition_page(const Site& site, const Request& request, const Visitor& visitor);         // GET /petitions/{id}
Response petition_result_page(const Site& site, const Request& request, const Visitor& visitor);  // GET /petitions/{id}/result
Response by_elections_page(const Site& site, const Request& request, const Visitor& visitor);      // GET /by-elections
Response ledger_page(const Site& site, const Request& request, const Visitor& visitor);           // GET /petitions/{id}/ledger

// petition officer
Response officer_page(const Site& site, const Request& request, const Visitor& visitor);          // GET /officer
Response open_petition_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /officer/petitions
Response manage_page(const Site& site, const Request& request, const Visitor& visitor);           // GET /petitions/{id}/manage (observers read-only)
Response add_place_submit(const Site& site, const Request& request, const Visitor& visitor);      // POST /petitions/{id}/places
Response update_place_submit(const Site& site, const Request& request, const Visitor& visitor);   // POST /petitions/{id}/places/{place}
Response move_district_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /petitions/{id}/allocation
Response terminate_submit(const Site& site, const Request& request, const Visitor& visitor);      // POST /petitions/{id}/terminate
Response count_submit(const Site& site, const Request& request, const Visitor& visitor);          // POST /petitions/{id}/count
Response speaker_notified_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /petitions/{id}/speaker-notified
Response declare_submit(const Site& site, const Request& request, const Visitor& visitor);        // POST /petitions/{id}/declare
Response notices_page(const Site& site, const Request& request, const Visitor& visitor);          // GET /petitions/{id}/notices[?district=]
Response audit_page(const Site& site, const Request& request, const Visitor& visitor);            // GET /audit
Response audit_export(const Site& site, const Request& request, const Visitor& visitor);          // GET /audit/export
Response users_page(const Site& site, const Request& request, const Visitor& visitor);            // GET /users
Response add_user_submit(const Site& site, const Request& request, const Visitor& visitor);       // POST /users

// staff
Response clerk_page(const Site& site, const Request& request, const Visitor& visitor);      // GET /petitions/{id}/places/{place}/clerk
Response clerk_sign_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST the same
Response postal_page(const Site& site, const Request& request, const Visitor& visitor);     // GET /petitions/{id}/postal
Response postal_issue_submit(const Site& site, const Request& request, const Visitor& visitor);   // POST /petitions/{id}/postal/issue
Response postal_return_submit(const Site& site, const Request& request, const Visitor& visitor);  // POST /petitions/{id}/postal/returns

}  // namespace recall::http
