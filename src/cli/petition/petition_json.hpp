#pragma once
// JSON for `recall petition ... --json`: field names follow the C++ structs, dates are ISO strings,
// enums their to_string() names, percentages a number with one decimal (27.6).
#include <nlohmann/json.hpp>

#include "core/petition/declaration.hpp"
#include "core/petition/petition.hpp"
#include "core/petition/signing_place.hpp"
#include "service/petition_service.hpp"

namespace recall::cli {

nlohmann::ordered_json to_json(const Declaration& result);
nlohmann::ordered_json to_json(const SigningPlace& place);
// `phase` as of now; `count` only when the caller may see it.
nlohmann::ordered_json to_json(const Petition& petition, PetitionPhase phase);
nlohmann::ordered_json to_json(const PublicPetition& view);

double percent_number(long tenths);  // 276 -> 27.6

}  // namespace recall::cli
