// What moderators do to signatures in bulk (clear suspects, invalidate by criteria), the block list,
// and anonymisation after close. Each change that moves counts returns the CountChanges for the
// petition's CountAggregator, read in the same statement that makes the change.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/public_petition/block_list.hpp"
#include "store/public_invalidation_sql.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"
#include "store/sql_public_petition_store.hpp"

namespace recall {

namespace {

namespace pp = public_petition;
namespace sf = sql_fields;
namespace rows = public_rows;

constexpr std::size_t id_chunk = 512;

// Clearing makes a suspect signature counted; it counts from now if it is confirmed.
constexpr std::string_view clear_head =
    "UPDATE public_signatures SET standing = 'counted', suspect_reason = NULL"
    " WHERE petition_id = $1 AND standing = 'suspect' AND state <> 'invalidated'";
constexpr std::string_view clear_tail = " RETURNING state, ons_code";

void collect_cleared(const SqlRows& cleared, std::vector<pp::CountChange>& changes) {
  for (const SqlRow& row : cleared) {
    if (row.text(0) == to_string(PublicSignatureState::confirmed)) {
      changes.push_back({row.optional_text(1).value_or(""), +1});
    }
  }
}

void require_petition(SqlConnection& db, std::int64_t id) {
  if (db.query("SELECT id FROM public_petitions WHERE id = $1", {sql_int(id)}).empty()) {
    throw_not_found(fmt::format("no public petition with id {}", id));
  }
}

// The entry's value in canonical text, or Error(invalid_input) naming "value".
std::string canonical_block_value(pp::BlockKind kind, const std::string& value) {
  switch (kind) {
    case pp::BlockKind::ip:
      return pp::to_string(pp::parse_cidr(value, "value"));
    case pp::BlockKind::domain:
      return pp::to_string(pp::parse_domain_pattern(value, "value"));
    case pp::BlockKind::email:
      return pp::parse_email_address(value, "value").canonical;
  }
  throw_invalid("unknown block kind", SourceLocation{"public_block", 0, 0, "kind"});
}

}  // namespace

std::vector<pp::CountChange> SqlPublicPetitionStore::clear_suspects(std::int64_t petition_id,
                                                                    std::span<const std::int64_t> ids) {
  std::vector<pp::CountChange> changes;
  if (ids.empty()) return changes;
  session_.transaction([&](SqlConnection& db) {
    std::size_t start = 0;
    for (const std::size_t count : rows::chunk_sizes(ids.size(), id_chunk)) {
      SqlParams params{sql_int(petition_id)};
      std::string list;
      for (std::size_t i = start; i < start + count; ++i)
        list += (i > start ? ", " : "") + rows::bind(params, sql_int(ids[i]));
      collect_cleared(db.query(fmt::format("{} AND id IN ({}){}", clear_head, list, clear_tail), params),
                      changes);
      start += count;
    }
  });
  return changes;
}

std::vector<pp::CountChange> SqlPublicPetitionStore::clear_all_suspects(std::int64_t petition_id) {
  std::vector<pp::CountChange> changes;
  static const std::string sql = fmt::format("{}{}", clear_head, clear_tail);
  session_.with([&](SqlConnection& db) { collect_cleared(db.query(sql, {sql_int(petition_id)}), changes); });
  return changes;
}

InvalidationResult SqlPublicPetitionStore::invalidate(std::int64_t petition_id,
                                                      const pp::InvalidationCriteria& criteria,
                                                      std::int64_t at, std::optional<std::int64_t> by) {
  constexpr std::string_view file = "invalidation";
  rows::check_instant(at, file, "created_at");
  SqlParams params{sql_int(petition_id), rows::instant(at), nullptr};  // $3: the invalidation's id, set below
  const std::string condition = invalidation_condition(criteria, params, binary_);
  // confirmed_at is set only by confirmation and kept by invalidation (the table's CHECKs), so it says
  // in the same statement whether a row counted before it was struck out.
  const std::string update = fmt::format(
      "UPDATE public_signatures SET state = 'invalidated', invalidated_at = $2, invalidation_id = $3"
      " WHERE petition_id = $1 AND state <> 'invalidated' AND {} RETURNING ons_code, standing, confirmed_at",
      condition);
  InvalidationResult result;
  session_.transaction([&](SqlConnection& db) {
    require_petition(db, petition_id);
    result.invalidation_id =
        db.query(
              "INSERT INTO public_invalidations (petition_id, criteria_json, matched, created_at, created_by)"
              " VALUES ($1, $2, 0, $3, $4) RETURNING id",
              {sql_int(petition_id), sql_text(criteria_json(criteria)), rows::instant(at),
               sf::optional_int(by)})
            .at(0)
            .integer(0);
    params[2] = sql_int(result.invalidation_id);
    const SqlRows struck = db.query(update, params);
    result.matched = static_cast<std::int64_t>(struck.size());
    for (const SqlRow& row : struck) {
      if (!row.is_null(2) && row.text(1) == pp::to_string(pp::SignatureStanding::counted)) {
        result.changes.push_back({row.optional_text(0).value_or(""), -1});
      }
    }
    db.execute("UPDATE public_invalidations SET matched = $2 WHERE id = $1",
               {sql_int(result.invalidation_id), sql_int(result.matched)});
  });
  return result;
}

std::vector<InvalidationRecord> SqlPublicPetitionStore::list_invalidations(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<InvalidationRecord> out;
    for (const SqlRow& row : db.query("SELECT id, petition_id, criteria_json, matched, created_at, created_by"
                                      " FROM public_invalidations WHERE petition_id = $1 ORDER BY id",
                                      {sql_int(petition_id)})) {
      out.push_back({row.integer(0), row.integer(1),
                     parse_criteria_json(row.text(2), "public invalidation criteria"), row.integer(3),
                     rows::read_instant(row, 4, "public invalidation created_at"),
                     sf::read_optional_int(row, 5)});
    }
    return out;
  });
}

std::int64_t SqlPublicPetitionStore::add_block(const PublicBlock& block) {
  constexpr std::string_view file = "public_block";
  const std::string value = canonical_block_value(block.kind, block.value);
  rows::check_instant(block.created_at, file, "created_at");
  return session_.with([&](SqlConnection& db) {
    const SqlRows inserted = db.query(
        "INSERT INTO public_blocks (kind, value, created_at, created_by, note) VALUES ($1, $2, $3, $4, $5)"
        " ON CONFLICT (kind, value) DO NOTHING RETURNING id",
        {sql_text(std::string(pp::to_string(block.kind))), sql_text(value), rows::instant(block.created_at),
         sf::optional_int(block.created_by), sql_text(block.note)});
    if (inserted.empty()) {
      throw Error(ErrorKind::conflict,
                  fmt::format("{} {} is already blocked", pp::to_string(block.kind), value),
                  SourceLocation{std::string(file), 0, 0, "value"});
    }
    return inserted[0].integer(0);
  });
}

bool SqlPublicPetitionStore::remove_block(std::int64_t id) {
  return session_.with([&](SqlConnection& db) {
    return !db.query("DELETE FROM public_blocks WHERE id = $1 RETURNING id", {sql_int(id)}).empty();
  });
}

std::vector<PublicBlock> SqlPublicPetitionStore::list_blocks() {
  return session_.with([&](SqlConnection& db) {
    std::vector<PublicBlock> out;
    for (const SqlRow& row : db.query(
             "SELECT id, kind, value, created_at, created_by, note FROM public_blocks ORDER BY id", {})) {
      const std::string kind = row.text(1);
      const auto parsed = rows::parse_block_kind(kind);
      if (!parsed) sf::corrupt("public block kind", fmt::format("'{}' is not a kind", kind));
      out.push_back({row.integer(0), *parsed, row.text(2),
                     rows::read_instant(row, 3, "public block created_at"), sf::read_optional_int(row, 4),
                     row.text(5)});
    }
    return out;
  });
}

AnonymisationResult SqlPublicPetitionStore::anonymise_closed_before(std::int64_t cutoff, std::int64_t now) {
  constexpr std::string_view file = "anonymisation";
  rows::check_instant(cutoff, file, "cutoff");
  rows::check_instant(now, file, "now");
  AnonymisationResult result;
  std::vector<std::int64_t> due;
  session_.with([&](SqlConnection& db) {
    for (const SqlRow& row :
         db.query("SELECT id FROM public_petitions WHERE anonymised_at IS NULL"
                  " AND ((state = 'closed' AND closed_at <= $1)"
                  " OR (state IN ('rejected', 'hidden') AND moderated_at <= $1)) ORDER BY id",
                  {rows::instant(cutoff)})) {
      due.push_back(row.integer(0));
    }
  });
  for (const std::int64_t id : due) {
    // One transaction per petition, guarded on anonymised_at, so a run that stops half-way (or two at
    // once) leaves each petition either untouched or done.
    session_.transaction([&](SqlConnection& db) {
      if (db.query("UPDATE public_petitions SET anonymised_at = $2 WHERE id = $1 AND anonymised_at IS NULL "
                   "RETURNING id",
                   {sql_int(id), rows::instant(now)})
              .empty()) {
        return;
      }
      const SqlParams petition{sql_int(id)};
      // Counted first: an UPDATE … RETURNING of millions of rows would hold them all in memory.
      const std::int64_t pending =
          db.query("SELECT count(*) FROM public_signatures WHERE petition_id = $1 AND state = 'pending'",
                   petition)
              .at(0)
              .integer(0);
      db.execute("DELETE FROM public_signatures WHERE petition_id = $1 AND state = 'pending'", petition);
      // Their confirmation emails (and any other still queued) carry names and links: gone too.
      const std::int64_t unsent =
          db.query("SELECT count(*) FROM outbox WHERE public_petition_id = $1 AND sent_at IS NULL", petition)
              .at(0)
              .integer(0);
      db.execute("DELETE FROM outbox WHERE public_petition_id = $1 AND sent_at IS NULL", petition);
      const std::int64_t kept =
          db.query("SELECT count(*) FROM public_signatures WHERE petition_id = $1", petition)
              .at(0)
              .integer(0);
      db.execute(
          "UPDATE public_signatures SET name = NULL, email = NULL, canonical_email = NULL, postcode = NULL,"
          " ip = NULL, email_domain = NULL, confirm_token_hash = NULL WHERE petition_id = $1",
          petition);
      // The creator's signature may have been a pending one, now gone.
      db.execute(
          "UPDATE public_petitions SET creator_signature_id ="
          " (SELECT s.id FROM public_signatures s WHERE s.id = public_petitions.creator_signature_id)"
          " WHERE id = $1",
          petition);
      result.petition_ids.push_back(id);
      result.signatures_anonymised += kept;
      result.pending_deleted += pending;
      result.unsent_emails_deleted += unsent;
    });
  }
  return result;
}

}  // namespace recall
