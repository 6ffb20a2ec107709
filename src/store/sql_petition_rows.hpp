#pragma once
// A Petition as rows: the petitions table's columns in one fixed order, plus its timetable closures
// and its count's rejections by reason, which live in tables of their own. Internal to the petition store.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/petition/petition.hpp"
#include "store/sql_connection.hpp"

namespace recall::petition_rows {

// Every column but id, in the order petition_params() produces them.
extern const std::string_view columns;
inline constexpr std::size_t column_count = 43;

SqlParams petition_params(const Petition& petition);
// The count's columns (count_eligible .. eligibility_not_yet_effective) and counted_at, for UPDATE.
SqlParams count_params(const Declaration& count, const std::string& counted_at);
extern const std::string_view count_assignments;  // "count_eligible = $2, …, counted_at = $14"

// Replaces the closures and rejections of petition `id` with the petition's own.
void write_closures(SqlConnection& db, std::int64_t id, const std::vector<BankHoliday>& closures);
void write_rejections(SqlConnection& db, std::int64_t id, const std::optional<Declaration>& count);

// Petitions with their closures and rejections, in id order: all, or only `id`.
std::vector<Petition> load_petitions(SqlConnection& db, std::optional<std::int64_t> id);

}  // namespace recall::petition_rows
