#pragma once
// Checks, before an INSERT, that the rows it refers to exist: the database's foreign keys would refuse
// the row anyway, but as a constraint violation that on PostgreSQL also aborts the caller's
// transaction. Checking first gives an error that names the field and leaves the transaction usable.
#include <cstdint>
#include <optional>
#include <string_view>

#include "store/sql_connection.hpp"

namespace recall {

struct PetitionReferences {
  std::int64_t petition_id = 0;
  std::optional<std::int64_t> place_id;  // must be a signing place of that petition
  std::optional<std::int64_t> user_id;   // must be an account
  std::string_view user_field = "recorded_by";
};

// Error(not_found) for an unknown petition; Error(invalid_input) with SourceLocation{file, field}
// for a place of another petition (or none) or an unknown account.
void require_petition_references(SqlConnection& db, const PetitionReferences& refs, std::string_view file);

}  // namespace recall
