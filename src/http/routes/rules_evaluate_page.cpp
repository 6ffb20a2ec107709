// GET /rules/evaluate: one event for one MP under one policy. Bad input shows the form again with
// GOV.UK error messages (400); the JSON twin answers 400 problem+json naming the first bad field.
#include "core/base/error.hpp"
#include "core/rules/rules_json.hpp"
#include "http/page.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/rules_form.hpp"
#include "http/routes/view_model.hpp"

namespace recall::http {

namespace {

Context context_for(const Site& site, const Member& member) {
  const Constituency* constituency = site.parliament.constituency(member.constituency);
  if (constituency == nullptr) {
    throw Error(ErrorKind::internal, "MP " + member.id + " has no constituency " + member.constituency);
  }
  Context context;
  context.member = member;
  context.constituency = *constituency;
  context.parliament = site.calendar.get(member.parliament);
  return context;
}

Response show(const Site& site, const Request& request, const EvaluateForm& form, const nlohmann::json* result) {
  nlohmann::json view = {{"form", evaluate_form_json(site, form)}, {"has_result", result != nullptr}};
  if (result != nullptr) view["result"] = *result;
  const bool bad = !form.errors.empty();
  if (bad && request.wants_json()) {
    const FieldError& first = form.errors.front();
    SourceLocation where;
    where.file = "query";
    where.field = first.field;
    throw Error(ErrorKind::invalid_input, first.message, where);
  }
  return render(request, site.templates, "rules_evaluate",
                PageMeta{bad ? "Error: Evaluate an event" : "Evaluate an event", bad ? 400 : 200}, view);
}

}  // namespace

Response rules_evaluate_page(const Site& site, const Request& request) {
  EvaluateForm form = read_evaluate_form(site, request.query);
  if (!form.valid()) return show(site, request, form, nullptr);

  Evaluation evaluation;
  try {
    evaluation = evaluate(*form.policy, *form.event, context_for(site, *form.member));
  } catch (const Error& error) {
    // The engine rejects dates it cannot reckon with (outside the supported calendar years, say);
    // that is the date field's fault as far as the person filling in the form is concerned.
    if (error.kind() != ErrorKind::invalid_input) throw;
    std::string field = "date";
    std::string anchor = "date-day";
    if (error.where() && form.values.contains(error.where()->field)) field = anchor = error.where()->field;
    form.errors.push_back({field, anchor, error.message()});
    return show(site, request, form, nullptr);
  }
  nlohmann::json result = evaluation_json(evaluation);
  result["member"] = member_summary_json(site.parliament, *form.member);
  result["event"] = to_json(*form.event);
  return show(site, request, form, &result);
}

}  // namespace recall::http
