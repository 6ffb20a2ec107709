// GET /petitions and /petitions/{id}: what anyone may know of a statutory petition at any time. The
// service's PublicPetition never holds a count before the declaration, so these pages cannot show
// one; signed-in staff also get links to their own pages for the petition.
#include "core/auth/permissions.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

nlohmann::json staff_links(const PublicPetition& petition, const Visitor& visitor) {
  const std::int64_t id = petition.petition.id;
  nlohmann::json clerk = nlohmann::json::array();
  if (visitor_may(visitor, {Permission::mark_register_in_person})) {
    for (const SigningPlace& place : petition.places) {
      clerk.push_back({{"name", place.name},
                       {"href", "/petitions/" + std::to_string(id) + "/places/" + std::to_string(place.id) + "/clerk"}});
    }
  }
  const bool postal = visitor_may(visitor, {Permission::record_postal_signature, Permission::issue_postal_votes});
  const bool manage = visitor_may(visitor, {Permission::manage_petition, Permission::observe_proceedings});
  return {{"clerk_places", clerk},
          {"has_clerk_places", !clerk.empty()},
          {"postal", postal},
          {"manage", manage},
          {"any", !clerk.empty() || postal || manage}};
}

}  // namespace

Response petitions_page(const Site& site, const Request& request, const Visitor& visitor) {
  nlohmann::json petitions = nlohmann::json::array();
  for (const PublicPetition& petition : site.petitions.public_petitions()) {
    nlohmann::json item = public_petition_json(petition);
    item["staff"] = staff_links(petition, visitor);
    petitions.push_back(std::move(item));
  }
  nlohmann::json view{{"petitions", petitions}, {"has_petitions", !petitions.empty()}};
  add_visitor(view, visitor);
  return render(request, site.templates, "petitions", PageMeta{"Recall petitions"}, view);
}

Response petition_page(const Site& site, const Request& request, const Visitor& visitor) {
  const auto petition = site.petitions.public_petition(id_param(request, "id"));
  if (!petition) throw Error(ErrorKind::not_found, "There is no such petition");
  nlohmann::json view = public_petition_json(*petition);
  view["staff"] = staff_links(*petition, visitor);
  add_visitor(view, visitor);
  return render(request, site.templates, "petition",
                PageMeta{"Recall petition: " + petition->petition.constituency_name}, view);
}

}  // namespace recall::http
