// GET /petitions/{id}/manage: the officer's page for one petition (timetable, signing places and
// their hours, the allocation of polling districts, the notices, and the step the phase allows:
// terminate, count, notify the Speaker, give public notice). Observers see it without any form.
// Counts appear only as the service gives them: to the officer once counted, to others once declared.
#include <map>

#include "core/auth/permissions.hpp"
#include "core/petition/signing_place.hpp"
#include "http/auth/guard.hpp"
#include "http/page.hpp"
#include "http/routes/manage_view.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

nlohmann::json allocation_json(const Allocation& allocation, const std::vector<SigningPlace>& places) {
  std::map<std::int64_t, std::string> names;
  for (const SigningPlace& place : places) names.emplace(place.id, place.name);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [district, place_id] : allocation) {
    nlohmann::json options = nlohmann::json::array();
    for (const SigningPlace& place : places) {
      options.push_back({{"value", place.id}, {"text", place.name}, {"selected", place.id == place_id}});
    }
    const auto name = names.find(place_id);
    rows.push_back({{"district", district},
                    {"place_id", place_id},
                    {"place_name", name == names.end() ? std::string() : name->second},
                    {"place_options", options}});
  }
  return rows;
}

}  // namespace

Response show_manage_page(const Site& site, const Request& request, const Visitor& visitor, const ManageFormState& state) {
  const std::int64_t id = id_param(request, "id");
  const Petition petition = site.petitions.petition_for_staff(visitor.actor, id);
  const PetitionPhase phase = phase_of(petition, site.petitions.now_local());
  const std::vector<SigningPlace> places = site.petitions.places(id);
  const bool officer = visitor_may(visitor, {Permission::manage_petition});
  const bool counter = visitor_may(visitor, {Permission::run_count});

  nlohmann::json view = petition_json(petition, phase);
  nlohmann::json place_items = nlohmann::json::array();
  for (const SigningPlace& place : places) place_items.push_back(place_json(place));
  view["places"] = place_items;
  view["has_places"] = !place_items.empty();
  const Allocation allocation = site.petitions.allocation(visitor.actor, id);
  view["allocation"] = allocation_json(allocation, places);
  view["has_allocation"] = !allocation.empty();
  view["has_count"] = petition.count.has_value();
  if (petition.count) view["count"] = declaration_json(*petition.count);

  // What the visitor may do now: observers get nothing, the officer only the steps the phase allows.
  const bool before_close = phase == PetitionPhase::awaiting_signing || phase == PetitionPhase::signing;
  const bool room_for_place =
      petition.maximum_signing_places == 0 || static_cast<long>(places.size()) < petition.maximum_signing_places;
  view["read_only"] = !officer;
  view["actions"] = {
      {"edit_places", officer && before_close},
      {"add_place", officer && before_close && room_for_place},
      {"move_district", officer && phase == PetitionPhase::awaiting_signing && !places.empty()},
      {"notices", officer},
      {"terminate", officer && before_close},
      {"count", counter && phase == PetitionPhase::closed && !petition.termination},
      {"speaker_notified", counter && phase == PetitionPhase::counted},
      {"declare", counter && phase == PetitionPhase::speaker_notified},
  };
  view["new_place"] = {{"name", state.place_name},
                       {"address", state.place_address},
                       {"postcode", state.place_postcode},
                       {"hours_form", place_hours_form_json(minimum_opening_hours())},
                       {"id_suffix", "-new"}};
  view["termination_reasons"] = nlohmann::json::array(
      {{{"value", "seat-vacated"}, {"text", "The seat became vacant"}},
       {{"value", "dissolution"}, {"text", "Parliament was dissolved"}},
       {{"value", "overturned-on-appeal"}, {"text", "The conviction or sentence was overturned on appeal"}}});
  view["has_error"] = !state.error.is_null();
  view["error"] = state.error;
  add_visitor(view, visitor);
  return render(request, site.templates, "petition_manage",
                PageMeta{state.error.is_null() ? "Manage the petition: " + petition.constituency_name
                                               : "Error: Manage the petition: " + petition.constituency_name,
                         state.status},
                view);
}

Response manage_page(const Site& site, const Request& request, const Visitor& visitor) {
  return show_manage_page(site, request, visitor, ManageFormState{});
}

}  // namespace recall::http
