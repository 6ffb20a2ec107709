#pragma once
// How pages write dates, numbers and shares for people (GOV.UK style: "18 February 2019", "1,234",
// "67.3%"). The JSON twins carry the raw values next to these.
#include <string>

#include "core/calendar/date.hpp"

namespace recall::http {

std::string day_month_year(Date date);               // "18 February 2019"
std::string with_thousands(long value);              // 69673 -> "69,673"
// numerator / denominator as a percentage with one decimal place ("67.3%"), "–" when denominator is 0.
std::string percent_of(long numerator, long denominator);

}  // namespace recall::http
