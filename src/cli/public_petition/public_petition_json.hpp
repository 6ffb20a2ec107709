#pragma once
// How `recall public-petition` prints a petition and its counts with --json: the names
// docs/public-petitions.md section 5 gives the HTTP API (e-petitions' where they overlap), so one
// reader serves both.
#include <span>

#include <nlohmann/json.hpp>

#include "core/parliament/parliament.hpp"
#include "core/public_petition/count_aggregator.hpp"
#include "store/public_petition_store.hpp"

namespace recall::cli {

nlohmann::ordered_json to_json(const PublicPetitionRecord& record);

// Counts as the store's GROUP BY gives them ("" is unallocated): the total, every constituency with a
// signature (name and MP from the reference data) and the nations.
nlohmann::ordered_json counts_to_json(std::span<const public_petition::ConstituencyCount> counts,
                                      const Parliament& parliament);

// "2019-03-21T09:30:05Z", or null.
nlohmann::ordered_json utc_or_null(const std::optional<std::int64_t>& seconds);

}  // namespace recall::cli
