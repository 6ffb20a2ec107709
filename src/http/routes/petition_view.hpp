#pragma once
// JSON view models shared by the petition pages (public, officer, staff), and the small readers of
// path and form values they all need. Raw values sit next to their display forms ("..._display").
// Nothing here takes a count: whatever reaches these functions has already been through the
// service's secrecy rules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/calendar/date.hpp"
#include "core/petition/declaration.hpp"
#include "core/petition/petition.hpp"
#include "core/petition/petition_register.hpp"
#include "core/petition/signing_place.hpp"
#include "http/auth/visitor.hpp"
#include "http/request.hpp"
#include "service/petition_service.hpp"

namespace recall::http {

// A numeric path parameter; anything else is Error(not_found) (no such page).
std::int64_t id_param(const Request& request, std::string_view name);

// A form value, "" when absent.
std::string form_text(const Request& request, std::string_view field);
// A required form value; Error(invalid_input) naming the field when absent or blank.
std::string required_form_text(const Request& request, std::string_view field, std::string_view label);
// A date from "<field>" ("YYYY-MM-DD") or the GOV.UK date input "<field>-day", "-month", "-year".
// nullopt when every part is blank; Error(invalid_input) naming the field when it is not a real date.
std::optional<Date> form_date(const Request& request, std::string_view field, std::string_view label);
// A checkbox or yes/no radio: "yes", "on", "true" and "1" are yes.
bool form_yes(const Request& request, std::string_view field, bool absent = false);

nlohmann::json date_json(Date date);  // {"iso", "display"}
nlohmann::json timetable_json(const Timetable& timetable);
nlohmann::json place_json(const SigningPlace& place);
// The seven weekdays with the place's hours as "HH:MM" (blank when shut), for the place form.
nlohmann::json place_hours_form_json(const std::vector<OpeningHours>& hours);
std::string_view phase_display(PetitionPhase phase);
nlohmann::json petition_json(const Petition& petition, PetitionPhase phase);
nlohmann::json declaration_json(const Declaration& declaration);
// The public view: the petition, the signature requirement notice and the signing places.
nlohmann::json public_petition_json(const PublicPetition& petition);
nlohmann::json elector_json(const PetitionElector& elector);

// Signed-in details ({"signed_in", "email", "role", "duty"}).
nlohmann::json visitor_json(const Visitor& visitor);
// Adds "visitor" and the "csrf_token" every form on the page must carry back.
void add_visitor(nlohmann::json& view, const Visitor& visitor);

// {"field", "anchor", "message"} for a GOV.UK error summary, from an invalid-input or conflict Error.
nlohmann::json form_error_json(const Error& error, std::string_view default_field);

// Reads the hours "opens_<1..7>" and "closes_<1..7>" of the place form (blank: shut that day).
std::vector<OpeningHours> form_opening_hours(const Request& request);

}  // namespace recall::http
