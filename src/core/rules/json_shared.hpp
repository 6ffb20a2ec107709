#pragma once
// JSON pieces shared by the policy, event, evaluation and context conversions.
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/calendar/date.hpp"
#include "core/rules/json_fields.hpp"
#include "core/rules/policy.hpp"

namespace recall::rules_json_detail {

nlohmann::json iso(const std::optional<Date>& date);  // "2019-03-19" or null
nlohmann::json span_json(const Span& span);           // {"count", "unit", "text"}
nlohmann::json threshold_json(const Threshold& threshold);
// A length as {"count", "unit"} or as text ("3 months"); errors name the field.
Span span_from_json(const JsonFields& fields, std::string_view key);
Span positive_span(const JsonFields& fields, std::string_view key);

}  // namespace recall::rules_json_detail
