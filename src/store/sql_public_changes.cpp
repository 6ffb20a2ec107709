// The change log other processes follow (migration 0012, public_changes): a moderator's command in
// one process, a running server's memory in another.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"
#include "store/sql_public_petition_store.hpp"

namespace recall {

namespace sf = sql_fields;
namespace rows = public_rows;

void SqlPublicPetitionStore::hold_change_log() {
  // Held to the commit: two writers' rows cannot commit out of seq order, which a reader that only
  // asks for seq > the last it saw would otherwise miss for good.
  session_.with([](SqlConnection& db) { db.lock_for_transaction("recall.public_changes"); });
}

void SqlPublicPetitionStore::record_changes(const std::string& origin,
                                            std::span<const std::int64_t> petition_ids, bool blocks,
                                            std::int64_t at) {
  constexpr std::string_view file = "public_change";
  if (origin.empty())
    throw_invalid("the origin of a change must not be empty",
                  SourceLocation{std::string(file), 0, 0, "origin"});
  rows::check_instant(at, file, "at");
  if (petition_ids.empty() && !blocks) return;
  session_.transaction([&](SqlConnection& db) {
    hold_change_log();
    for (const std::int64_t id : petition_ids) {
      db.query("INSERT INTO public_changes (origin, petition_id, at) VALUES ($1, $2, $3)",
               {sql_text(origin), sql_int(id), rows::instant(at)});
    }
    if (blocks) {
      db.query("INSERT INTO public_changes (origin, petition_id, at) VALUES ($1, NULL, $2)",
               {sql_text(origin), rows::instant(at)});
    }
  });
}

std::vector<PublicChange> SqlPublicPetitionStore::changes_after(std::int64_t after, int limit) {
  if (limit < 1 || limit > 100'000)
    throw_invalid("limit must be 1 to 100000", SourceLocation{"query", 0, 0, "limit"});
  return session_.with([&](SqlConnection& db) {
    std::vector<PublicChange> out;
    for (const SqlRow& row : db.query("SELECT seq, origin, petition_id, at FROM public_changes WHERE seq > $1"
                                      " ORDER BY seq LIMIT $2",
                                      {sql_int(after), sql_int(limit)})) {
      out.push_back({row.integer(0), row.text(1), sf::read_optional_int(row, 2),
                     rows::read_instant(row, 3, "public change at")});
    }
    return out;
  });
}

std::int64_t SqlPublicPetitionStore::last_change() {
  return session_.with([&](SqlConnection& db) {
    const SqlRows found = db.query("SELECT coalesce(max(seq), 0) FROM public_changes", {});
    return found[0].integer(0);
  });
}

}  // namespace recall
