// GET /petitions/{id}/result: the public notice of the result (s.14), once it is given. Until then
// every petition answers with the same page and status, whatever has happened so far (signing, the
// count, the Speaker's notification): nothing here may hint at a result before it is public.
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

Response petition_result_page(const Site& site, const Request& request, const Visitor& visitor) {
  const std::int64_t id = id_param(request, "id");
  const auto petition = site.petitions.public_petition(id);
  if (!petition) throw Error(ErrorKind::not_found, "There is no such petition");
  const std::optional<Declaration> result =
      petition->phase == PetitionPhase::declared ? site.petitions.declared_result(id) : std::nullopt;

  // Only what is fixed at opening goes in the view before the declaration (not the phase either).
  const Petition& p = petition->petition;
  nlohmann::json view{{"id", p.id},
                      {"constituency_name", p.constituency_name},
                      {"ons_code", p.ons_code},
                      {"mp_name", p.mp_name},
                      {"declared", result.has_value()}};
  if (result) {
    view["result"] = declaration_json(*result);
    view["petition"] = petition_json(p, petition->phase);
    view["declared_at"] = p.declared_at.value_or("");
  }
  add_visitor(view, visitor);
  return render(request, site.templates, "petition_result",
                PageMeta{result ? "Result of the recall petition: " + p.constituency_name
                                : "Recall petition result: not yet declared"},
                view);
}

}  // namespace recall::http
