#include "core/auth/permissions.hpp"
#include "http/auth/guard.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/petition_pages.hpp"

namespace recall::http {

namespace {

using PetitionHandler = Response (*)(const Site&, const Request&, const Visitor&);

VisitorHandler bound(const Site& site, PetitionHandler handler) {
  return [&site, handler](const Request& request, const Visitor& visitor) { return handler(site, request, visitor); };
}

}  // namespace

void add_petition_routes(Router& router, const Site& site) {
  const auto everyone = [&](PetitionHandler handler) { return for_everyone(site, bound(site, handler)); };
  const auto only = [&](std::vector<Permission> any_of, PetitionHandler handler) {
    return for_users_who_may(site, std::move(any_of), bound(site, handler));
  };
  const auto plain = [&site](Response (*handler)(const Site&, const Request&)) -> Handler {
    return [&site, handler](const Request& request) { return handler(site, request); };
  };

  // Accounts
  router.add_page("/login", plain(login_page));
  router.add_page("POST", "/login", plain(login_submit));
  router.add_page("POST", "/logout", plain(logout_submit));

  // Public
  router.add_page("/petitions", everyone(petitions_page));
  router.add_page("/petitions/{id}", everyone(petition_page));
  router.add_page("/petitions/{id}/result", everyone(petition_result_page));
  router.add_page("/petitions/{id}/ledger", everyone(ledger_page));
  router.add_page("/by-elections", everyone(by_elections_page));

  // The petition officer (observers may read the manage page)
  constexpr Permission manage = Permission::manage_petition;
  router.add_page("/officer", only({manage}, officer_page));
  router.add_page("POST", "/officer/petitions", only({manage}, open_petition_submit));
  router.add_page("/petitions/{id}/manage", only({manage, Permission::observe_proceedings}, manage_page));
  router.add_page("POST", "/petitions/{id}/places", only({manage}, add_place_submit));
  router.add_page("POST", "/petitions/{id}/places/{place}", only({manage}, update_place_submit));
  router.add_page("POST", "/petitions/{id}/allocation", only({manage}, move_district_submit));
  router.add_page("POST", "/petitions/{id}/terminate", only({manage}, terminate_submit));
  router.add_page("POST", "/petitions/{id}/count", only({Permission::run_count}, count_submit));
  router.add_page("POST", "/petitions/{id}/speaker-notified", only({Permission::run_count}, speaker_notified_submit));
  router.add_page("POST", "/petitions/{id}/declare", only({Permission::run_count}, declare_submit));
  router.add_page("/petitions/{id}/notices", only({manage}, notices_page));
  router.add_page("/audit", only({Permission::read_audit_log}, audit_page));
  router.get("/audit/export", only({Permission::read_audit_log}, audit_export));
  router.add_page("/users", only({Permission::manage_users}, users_page));
  router.add_page("POST", "/users", only({Permission::manage_users}, add_user_submit));

  // Staff
  constexpr Permission mark = Permission::mark_register_in_person;
  router.add_page("/petitions/{id}/places/{place}/clerk", only({mark}, clerk_page));
  router.add_page("POST", "/petitions/{id}/places/{place}/clerk", only({mark}, clerk_sign_submit));
  router.add_page("/petitions/{id}/postal",
                  only({Permission::record_postal_signature, Permission::issue_postal_votes}, postal_page));
  router.add_page("POST", "/petitions/{id}/postal/issue", only({Permission::issue_postal_votes}, postal_issue_submit));
  router.add_page("POST", "/petitions/{id}/postal/returns",
                  only({Permission::record_postal_signature}, postal_return_submit));
}

}  // namespace recall::http
