#pragma once
// Small wording helpers shared by the engine's reasons.
#include <map>
#include <string>

#include "core/calendar/date.hpp"
#include "core/rules/policy.hpp"

namespace recall::rules_text {

std::string plain_date(Date date);  // "5 March 2019"
std::string party_name(const std::map<std::string, std::string>& names, const std::string& code);
std::string condition_noun(ConditionKind kind);         // "a custodial sentence"
std::string capitalised(std::string text);
Date add_span(Date from, const Span& span);              // calendar arithmetic; months clamp to the month's end

}  // namespace recall::rules_text
