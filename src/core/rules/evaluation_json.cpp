// Evaluations, timetables and Parliament dates as JSON, dates as ISO strings.
#include "core/rules/rules_json.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/json_fields.hpp"
#include "core/rules/json_shared.hpp"

namespace recall {

using nlohmann::json;
using rules_json_detail::iso;
using rules_json_detail::JsonFields;
using rules_json_detail::positive_span;
using rules_json_detail::span_json;
using rules_json_detail::threshold_json;

json to_json(const Timetable& t) {
  json closures = json::array();
  for (const auto& day : t.closures) closures.push_back({{"date", to_iso(day.date)}, {"name", day.name}});
  return json{{"notice", iso(t.notice)},
              {"requirement_notice_by", iso(t.requirement_notice_by)},
              {"cut_off_day", iso(t.cut_off_day)},
              {"designated_day", to_iso(t.designated_day)},
              {"signing_period_end", to_iso(t.signing_period_end)},
              {"unextended_end", to_iso(t.unextended_end)},
              {"extended_for_bank_holidays", t.extended_for_bank_holidays},
              {"closures", closures},
              {"count_by", to_iso(t.count_by)}};
}

json to_json(const ParliamentDates& d) {
  return json{{"parliament", d.parliament},
              {"general_election", to_iso(d.general_election)},
              {"first_met", iso(d.first_met)},
              {"last_possible_election", to_iso(d.last_possible_election)},
              {"last_possible_source", d.last_possible_source},
              {"dissolved_on", iso(d.dissolved_on)},
              {"dissolved_source", d.dissolved_source}};
}

json to_json(const Evaluation& e) {
  json out{{"policy", e.policy_id},
           {"policy_title", e.policy_title},
           {"event", e.event ? to_json(*e.event) : json(nullptr)},
           {"condition_met", e.condition_met},
           {"pending", e.pending},
           {"condition", e.condition ? json(to_string(*e.condition)) : json(nullptr)},
           {"citation", e.citation},
           {"reason", e.reason},
           {"condition_met_on", iso(e.condition_met_on)},
           {"notice", iso(e.notice)},
           {"notice_assumed", e.notice_assumed},
           {"notice_assumption", e.notice_assumption},
           {"timetable", e.timetable ? to_json(*e.timetable) : json(nullptr)},
           {"timetable_note", e.timetable_note},
           {"petition_opens", e.petition_opens()}};
  out["exclusion"] = e.exclusion ? json{{"kind", to_string(e.exclusion->kind)},
                                        {"citation", e.exclusion->citation},
                                        {"reason", e.exclusion->reason}}
                                 : json(nullptr);
  json threshold = threshold_json(e.threshold.threshold);
  threshold["rule"] = e.threshold.rule;
  threshold["base_value"] = e.threshold.base ? json(*e.threshold.base) : json(nullptr);
  threshold["base_source"] = e.threshold.base_source;
  threshold["required"] = e.threshold.required ? json(*e.threshold.required) : json(nullptr);
  out["threshold"] = threshold;
  out["early_end"] = e.early_end ? json{{"on", to_iso(e.early_end->on)},
                                        {"citation", e.early_end->citation},
                                        {"reason", e.early_end->reason}}
                                 : json(nullptr);
  return out;
}

}  // namespace recall
