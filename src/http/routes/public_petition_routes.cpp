#include <memory>

#include "core/auth/permissions.hpp"
#include "http/auth/guard.hpp"
#include "http/routes/public_petition_feed.hpp"
#include "http/routes/public_petition_pages.hpp"

namespace recall::http {

namespace {

using PlainHandler = Response (*)(const Site&, const Request&);
using LaterHandler = void (*)(const Site&, const Request&, Responder);
using ModeratorHandler = Response (*)(const Site&, const Request&, const Visitor&);

}  // namespace

void add_public_petition_routes(Router& router, const Site& site) {
  const auto plain = [&site](PlainHandler handler) -> Handler {
    return [&site, handler](const Request& request) { return handler(site, request); };
  };
  const auto later = [&site](LaterHandler handler) -> AsyncHandler {
    return [&site, handler](const Request& request, Responder respond) { handler(site, request, std::move(respond)); };
  };
  const auto moderators = [&site](ModeratorHandler handler) {
    return for_users_who_may(site, {Permission::moderate_public_petitions},
                             [&site, handler](const Request& request, const Visitor& visitor) {
                               return handler(site, request, visitor);
                             });
  };
  // The JSON documents share one cache, owned by the handlers that use it.
  auto feed = std::make_shared<PublicPetitionFeed>(site);
  const auto document = [feed](PublicPetitionFeed::Document which) -> Handler {
    return [feed, which](const Request& request) { return feed->answer(request, which); };
  };

  // Public pages (each with its /api twin where it has one)
  router.add_page("/public/petitions", plain(public_petitions_page));
  router.get("/public/petitions.json", plain(public_petitions_json));
  router.get("/public/petitions/new", plain(public_new_petition_page));
  router.post("/public/petitions/new", plain(public_new_petition_submit));
  router.add_page("/public/petitions/{id}", plain(public_petition_page));
  router.get("/public/petitions/{id}/signatures-by-constituency.csv", plain(public_petition_csv));
  router.add_page("/public/privacy", plain(public_privacy_page));

  // The JSON documents, also at the literal paths the issue names
  for (const char* base : {"/public/petitions", "/petitions"}) {
    router.get(std::string(base) + "/{id}.json", document(PublicPetitionFeed::Document::petition));
    router.get(std::string(base) + "/{id}/count.json", document(PublicPetitionFeed::Document::count));
  }

  // Sponsoring, signing and confirming: answered after the intake's COMMIT
  router.get("/public/petitions/{id}/sponsor/{token}", plain(public_sponsor_page));
  router.add_async("POST", "/public/petitions/{id}/sponsor/{token}", later(public_sponsor_submit));
  router.add_async("POST", "/public/petitions/{id}/signatures", later(public_sign_submit));
  router.add_async("POST", "/api/public/petitions/{id}/signatures", later(public_sign_api));
  router.get("/public/petitions/{id}/confirm/{token}", plain(public_confirm_page));
  router.add_async("POST", "/public/petitions/{id}/confirm/{token}", later(public_confirm_submit));
  router.add_async("POST", "/api/public/petitions/confirm/{token}", later(public_confirm_api));

  // Moderators
  router.add_page("/moderation", moderators(moderation_queue_page));
  router.add_page("/moderation/petitions/{id}", moderators(moderation_petition_page));
  router.add_page("POST", "/moderation/petitions/{id}/{decision}", moderators(moderation_decide_submit));
  router.add_page("POST", "/moderation/petitions/{id}/invalidate", moderators(moderation_invalidate_submit));
  router.add_page("POST", "/moderation/petitions/{id}/clear-suspects", moderators(moderation_clear_suspects_submit));
  router.add_page("POST", "/moderation/petitions/{id}/recount", moderators(moderation_recount_submit));
  router.add_page("/moderation/blocks", moderators(moderation_blocks_page));
  router.add_page("POST", "/moderation/blocks", moderators(moderation_add_block_submit));
  router.add_page("POST", "/moderation/blocks/{block}/remove", moderators(moderation_remove_block_submit));
}

}  // namespace recall::http
