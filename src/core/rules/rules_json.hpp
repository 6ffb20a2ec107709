#pragma once
// JSON for policies, events and evaluations: the rules page, the web form and the CLI.
// Dates are ISO strings ("2019-03-19"); enums are the kebab-case strings of their to_string().
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/rules/evaluate.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy.hpp"

namespace recall {

nlohmann::json to_json(const Policy& policy);  // every parameter, for showing policies side by side
nlohmann::json to_json(const Event& event);    // {"kind": "suspension", "ordered_on": ..., "length": {"count", "unit"}}
nlohmann::json to_json(const Evaluation& evaluation);
nlohmann::json to_json(const Timetable& timetable);
nlohmann::json to_json(const ParliamentDates& dates);

// Errors are Error(invalid_input) naming the field ("length.unit") with `source` as the file name
// ("body", "form", or a file path).
Event event_from_json(const nlohmann::json& json, std::string_view source = "body");
// {"member": {...}, "constituency": {...}, "parliament": {...}, "petition_under_way", "seat_vacant",
//  "speaker_notice", "base_count", "overrides": {"designated_day", "extend_for_bank_holidays"}}
Context context_from_json(const nlohmann::json& json, std::string_view source = "body");
Member member_from_json(const nlohmann::json& json, std::string_view source = "body");
Constituency constituency_from_json(const nlohmann::json& json, std::string_view source = "body");

}  // namespace recall
