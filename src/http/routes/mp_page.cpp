// GET /mps/{id}: an MP, the dated history of the party they sat for, and what each recall policy
// makes of their change of party.
#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

Response mp_page(const Site& site, const Request& request) {
  const std::string id = request.path_params.at("id");
  const Member* member = site.parliament.member(id);
  if (member == nullptr) throw_not_found("There is no MP with the id '" + id + "'");
  return render(request, site.templates, "mp", PageMeta{member->name, 200}, member_detail_json(site, *member));
}

}  // namespace recall::http
