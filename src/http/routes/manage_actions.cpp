// The officer's form POSTs on the manage page: signing places, moving a polling district,
// terminating under s.13, and after the close the count, the Speaker's notification and the public
// notice. Each runs one service step (which checks the role and the phase and writes the audit log)
// and then sends the browser back to the manage page; the JSON twin answers with the step's result.
#include <functional>

#include "core/petition/petition.hpp"
#include "http/auth/guard.hpp"
#include "http/routes/manage_view.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

std::string manage_path(std::int64_t id) { return "/petitions/" + std::to_string(id) + "/manage"; }

// Runs `step`; a refusal the officer can act on (bad input, wrong phase) shows the page again with
// the error for a browser, and goes to the problem response for an API client.
Response run_step(const Site& site, const Request& request, const Visitor& visitor, std::string_view default_field,
                  const std::function<nlohmann::json()>& step, ManageFormState state = {}) {
  const std::int64_t id = id_param(request, "id");
  try {
    nlohmann::json result = step();
    if (request.wants_json()) return json_response(result);
    return see_other(manage_path(id));
  } catch (const Error& error) {
    const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::conflict;
    if (!form_problem || request.wants_json()) throw;
    state.error = form_error_json(error, default_field);
    state.status = error.kind() == ErrorKind::conflict ? 409 : 400;
    return show_manage_page(site, request, visitor, state);
  }
}

SigningPlace place_from_form(const Request& request, std::int64_t petition_id, std::int64_t place_id) {
  SigningPlace place;
  place.id = place_id;
  place.petition_id = petition_id;
  place.name = required_form_text(request, "name", "the name of the signing place");
  place.address = required_form_text(request, "address", "the address of the signing place");
  place.postcode = required_form_text(request, "postcode", "the postcode of the signing place");
  place.hours = form_opening_hours(request);
  return place;
}

}  // namespace

Response add_place_submit(const Site& site, const Request& request, const Visitor& visitor) {
  ManageFormState state;
  state.place_name = form_text(request, "name");
  state.place_address = form_text(request, "address");
  state.place_postcode = form_text(request, "postcode");
  return run_step(
      site, request, visitor, "name",
      [&] {
        const std::int64_t id = id_param(request, "id");
        SigningPlace place = place_from_form(request, id, 0);
        place.id = site.petitions.add_place(visitor.actor, place);
        return nlohmann::json{{"place", place_json(place)}};
      },
      state);
}

Response update_place_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "name", [&] {
    const SigningPlace place = place_from_form(request, id_param(request, "id"), id_param(request, "place"));
    site.petitions.update_place(visitor.actor, place);
    return nlohmann::json{{"place", place_json(place)}};
  });
}

Response move_district_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "district", [&] {
    const std::int64_t id = id_param(request, "id");
    const std::string district = required_form_text(request, "district", "the polling district");
    const std::string place_text = required_form_text(request, "place_id", "the signing place");
    std::int64_t place_id = 0;
    try {
      place_id = std::stoll(place_text);
    } catch (const std::exception&) {
      throw Error(ErrorKind::invalid_input, "Choose a signing place", SourceLocation{"form", 0, 0, "place_id"});
    }
    site.petitions.move_district(visitor.actor, id, district, place_id);
    return nlohmann::json{{"district", district}, {"place_id", place_id}};
  });
}

Response terminate_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "reason", [&] {
    const std::int64_t id = id_param(request, "id");
    const auto on = form_date(request, "on", "Date signing stops");
    if (!on) throw Error(ErrorKind::invalid_input, "Enter the date signing stops", SourceLocation{"form", 0, 0, "on"});
    const auto reason = parse_termination_reason(form_text(request, "reason"));
    if (!reason) {
      throw Error(ErrorKind::invalid_input, "Choose why the petition ends early", SourceLocation{"form", 0, 0, "reason"});
    }
    const Termination termination{*on, *reason, required_form_text(request, "detail", "what happened")};
    site.petitions.terminate(visitor.actor, id, termination);
    return nlohmann::json{{"terminated", true}, {"on", date_json(termination.on)},
                          {"reason", std::string(to_string(termination.reason))}};
  });
}

Response count_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "count", [&] {
    return nlohmann::json{{"count", declaration_json(site.petitions.run_count(visitor.actor, id_param(request, "id")))}};
  });
}

Response speaker_notified_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "speaker", [&] {
    site.petitions.record_speaker_notified(visitor.actor, id_param(request, "id"));
    return nlohmann::json{{"speaker_notified", true}};
  });
}

Response declare_submit(const Site& site, const Request& request, const Visitor& visitor) {
  return run_step(site, request, visitor, "declare", [&] {
    return nlohmann::json{{"result", declaration_json(site.petitions.declare(visitor.actor, id_param(request, "id")))}};
  });
}

}  // namespace recall::http
