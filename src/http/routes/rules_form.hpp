#pragma once
// The "evaluate an event for an MP" form (GET /rules/evaluate): reads and checks every field, and
// keeps what was typed so the form can be shown again with GOV.UK error messages beside the fields.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rules/event.hpp"
#include "http/request.hpp"
#include "http/site.hpp"

namespace recall::http {

struct FieldError {
  std::string field;    // the query parameter at fault: "date", "length_count"
  std::string anchor;   // the id of the input to focus: "date-day"
  std::string message;  // GOV.UK style: says what to do
};

struct EvaluateForm {
  nlohmann::json values = nlohmann::json::object();  // what was sent, by field, for re-rendering
  std::vector<FieldError> errors;                    // in the order the fields appear on the page
  const Member* member = nullptr;
  const Policy* policy = nullptr;
  std::optional<Event> event;

  [[nodiscard]] bool valid() const { return errors.empty() && member && policy && event; }
};

EvaluateForm read_evaluate_form(const Site& site, const Params& query);

// The form's view model: its values, one "<field>_error" per error, the error summary list and the
// options of each select (with the chosen one selected).
nlohmann::json evaluate_form_json(const Site& site, const EvaluateForm& form);

}  // namespace recall::http
