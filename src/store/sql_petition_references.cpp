#include "store/sql_petition_references.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"

namespace recall {

void require_petition_references(SqlConnection& db, const PetitionReferences& refs, std::string_view file) {
  // One round trip for all three; a NULL place or user counts as present.
  const SqlRow row = db.query(
                           "SELECT (SELECT COUNT(*) FROM petitions WHERE id = $1),"
                           " (SELECT COUNT(*) FROM signing_places WHERE id = $2 AND petition_id = $1),"
                           " (SELECT COUNT(*) FROM users WHERE id = $3)",
                           {sql_int(refs.petition_id), sql_fields::optional_int(refs.place_id),
                            sql_fields::optional_int(refs.user_id)})
                         .at(0);
  if (row.integer(0) == 0) throw_not_found(fmt::format("no petition with id {}", refs.petition_id));
  if (refs.place_id && row.integer(1) == 0) {
    throw_invalid(
        fmt::format("signing place {} is not a place of petition {}", *refs.place_id, refs.petition_id),
        SourceLocation{std::string(file), 0, 0, "place_id"});
  }
  if (refs.user_id && row.integer(2) == 0) {
    throw_invalid(fmt::format("no account with id {}", *refs.user_id),
                  SourceLocation{std::string(file), 0, 0, std::string(refs.user_field)});
  }
}

}  // namespace recall
