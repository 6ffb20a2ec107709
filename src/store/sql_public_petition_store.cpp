// Public petitions themselves: creation with the sponsor link's hash, reading and listing, the state
// changes the core's lifecycle makes (compare-and-set on the state, so two moderators cannot both
// act), sponsors, thresholds and closing.
#include "store/sql_public_petition_store.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"

namespace recall {

namespace {

namespace pp = public_petition;
namespace sf = sql_fields;
namespace rows = public_rows;
constexpr std::string_view file = "public_petition";

SourceLocation field_of(std::string_view field) {
  return SourceLocation{std::string(file), 0, 0, std::string(field)};
}

void check_optional_instant(const std::optional<std::int64_t>& at, std::string_view field) {
  if (at) rows::check_instant(*at, file, field);
}

// The checks that name the field before a CHECK constraint would refuse it less helpfully.
void validate_times(const pp::PublicPetition& p) {
  rows::check_instant(p.created_at, file, "created_at");
  check_optional_instant(p.sponsored_at, "sponsored_at");
  check_optional_instant(p.opened_at, "opened_at");
  check_optional_instant(p.closes_at, "closes_at");
  check_optional_instant(p.closed_at, "closed_at");
  if (p.moderation) rows::check_instant(p.moderation->decided_at, file, "moderated_at");
  if (p.opened_at.has_value() != p.closes_at.has_value()) {
    throw_invalid("an open petition has both its opening and its closing time", field_of("closes_at"));
  }
}

void validate_new(const pp::PublicPetition& p) {
  sf::require_text(p.text.action, file, "action");
  if (p.sponsor_count < 0) throw_invalid("sponsor_count must not be negative", field_of("sponsor_count"));
  validate_times(p);
  for (const pp::ThresholdMark& mark : p.thresholds) {
    if (mark.signatures <= 0)
      throw_invalid("a threshold is a positive number of signatures", field_of("thresholds"));
    check_optional_instant(mark.reached_at, "thresholds");
  }
}

SqlValue state_text(pp::PublicPetitionState state) { return sql_text(std::string(pp::to_string(state))); }

SqlValue optional_moderation_reason(const std::optional<pp::ModerationDecision>& decision) {
  if (!decision) return nullptr;
  return sql_text(std::string(pp::to_string(decision->reason)));
}

// Why a statement guarded on the petition's state changed nothing: it is unknown, or its state
// forbids the change.
[[noreturn]] void refuse_state(SqlConnection& db, std::int64_t id, std::string_view wanted) {
  const SqlRows found = db.query("SELECT state FROM public_petitions WHERE id = $1", {sql_int(id)});
  if (found.empty()) throw_not_found(fmt::format("no public petition with id {}", id));
  throw Error(ErrorKind::conflict,
              fmt::format("public petition {} is {}, not {}", id, found[0].text(0), wanted),
              field_of("state"));
}

void require_petition(SqlConnection& db, std::int64_t id) {
  if (db.query("SELECT id FROM public_petitions WHERE id = $1", {sql_int(id)}).empty()) {
    throw_not_found(fmt::format("no public petition with id {}", id));
  }
}

}  // namespace

std::int64_t SqlPublicPetitionStore::create_petition(const pp::PublicPetition& petition,
                                                     const TokenHash& sponsor_token_hash) {
  validate_new(petition);
  SqlParams params{sql_text(petition.text.action),
                   sql_text(petition.text.background),
                   sql_text(petition.text.details),
                   sf::optional_text(petition.target.member_id),
                   sf::optional_text(petition.target.ons_code),
                   state_text(petition.state),
                   sql_int(petition.sponsor_count),
                   rows::optional_instant(petition.sponsored_at),
                   rows::instant(petition.created_at),
                   rows::optional_instant(petition.opened_at),
                   rows::optional_instant(petition.closes_at),
                   rows::optional_instant(petition.closed_at),
                   optional_moderation_reason(petition.moderation),
                   petition.moderation ? sql_text(petition.moderation->note) : SqlValue(nullptr),
                   petition.moderation ? rows::instant(petition.moderation->decided_at) : SqlValue(nullptr)};
  const std::string token = rows::bind_binary(params, binary_, sponsor_token_hash);
  // DO NOTHING rather than catching the violation: on PostgreSQL a failed statement would abort a
  // transaction the caller may have open around this one.
  const std::string insert = fmt::format(
      "INSERT INTO public_petitions (action, background, details, member_id, ons_code, state, sponsor_count,"
      " sponsored_at, created_at, opened_at, closes_at, closed_at, moderation_reason, moderation_note,"
      " moderated_at, sponsor_token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
      "$14,"
      " $15, {}) ON CONFLICT (sponsor_token_hash) DO NOTHING RETURNING id",
      token);
  std::optional<std::int64_t> id;
  session_.transaction([&](SqlConnection& db) {
    const SqlRows inserted = db.query(insert, params);
    if (inserted.empty()) return;
    id = inserted[0].integer(0);
    for (const pp::ThresholdMark& mark : petition.thresholds) {
      db.execute(
          "INSERT INTO public_petition_thresholds (petition_id, signatures, reached_at) VALUES ($1, $2, $3)",
          {sql_int(*id), sql_int(mark.signatures), rows::optional_instant(mark.reached_at)});
    }
  });
  if (!id)
    throw Error(ErrorKind::conflict, "the sponsor token is already in use", field_of("sponsor_token_hash"));
  return *id;
}

std::optional<PublicPetitionRecord> SqlPublicPetitionStore::find_petition(std::int64_t id) {
  return session_.with([&](SqlConnection& db) -> std::optional<PublicPetitionRecord> {
    auto found = rows::load_petitions(
        db, fmt::format("SELECT {} FROM public_petitions WHERE id = $1", rows::petition_columns),
        {sql_int(id)});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

std::optional<PublicPetitionRecord> SqlPublicPetitionStore::find_petition_by_sponsor_token(
    const TokenHash& sponsor_token_hash) {
  SqlParams params;
  const std::string sql =
      fmt::format("SELECT {} FROM public_petitions WHERE sponsor_token_hash = {}", rows::petition_columns,
                  rows::bind_binary(params, binary_, sponsor_token_hash));
  return session_.with([&](SqlConnection& db) -> std::optional<PublicPetitionRecord> {
    auto found = rows::load_petitions(db, sql, params);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

namespace {

std::int64_t checked_limit(int limit, int most) {
  if (limit < 1 || limit > most) {
    throw_invalid(fmt::format("limit must be 1 to {}", most), SourceLocation{"query", 0, 0, "limit"});
  }
  return limit;
}

}  // namespace

std::vector<PublicPetitionRecord> SqlPublicPetitionStore::list_petitions(pp::PublicPetitionState state,
                                                                         const PetitionPage& page) {
  const std::int64_t limit = checked_limit(page.limit, 1000);
  static const std::string sql =
      fmt::format("SELECT {} FROM public_petitions WHERE state = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
                  rows::petition_columns);
  return session_.with([&](SqlConnection& db) {
    return rows::load_petitions(
        db, sql,
        {state_text(state), sql_int(page.before_id.value_or(std::numeric_limits<std::int64_t>::max())),
         sql_int(limit)});
  });
}

std::vector<PublicPetitionRecord> SqlPublicPetitionStore::moderation_queue(int limit) {
  const std::int64_t checked = checked_limit(limit, 1000);
  static const std::string sql = fmt::format(
      "SELECT {} FROM public_petitions WHERE state = 'sponsored' ORDER BY sponsored_at, id LIMIT $1",
      rows::petition_columns);
  return session_.with([&](SqlConnection& db) { return rows::load_petitions(db, sql, {sql_int(checked)}); });
}

void SqlPublicPetitionStore::save_state(const pp::PublicPetition& petition, pp::PublicPetitionState expected,
                                        std::optional<std::int64_t> moderated_by) {
  validate_times(petition);
  session_.with([&](SqlConnection& db) {
    // One statement: the state it was read in is the condition, so of two moderators acting on the
    // same petition exactly one changes it.
    const SqlRows changed = db.query(
        "UPDATE public_petitions SET state = $2, sponsored_at = $3, opened_at = $4, closes_at = $5, "
        "closed_at = $6,"
        " moderation_reason = $7, moderation_note = $8, moderated_at = $9, moderated_by = $10"
        " WHERE id = $1 AND state = $11 RETURNING id",
        {sql_int(petition.id), state_text(petition.state), rows::optional_instant(petition.sponsored_at),
         rows::optional_instant(petition.opened_at), rows::optional_instant(petition.closes_at),
         rows::optional_instant(petition.closed_at), optional_moderation_reason(petition.moderation),
         petition.moderation ? sql_text(petition.moderation->note) : SqlValue(nullptr),
         petition.moderation ? rows::instant(petition.moderation->decided_at) : SqlValue(nullptr),
         sf::optional_int(moderated_by), state_text(expected)});
    if (changed.empty()) refuse_state(db, petition.id, pp::to_string(expected));
  });
}

int SqlPublicPetitionStore::add_sponsor(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    const SqlRows changed = db.query(
        "UPDATE public_petitions SET sponsor_count = sponsor_count + 1"
        " WHERE id = $1 AND state IN ('collecting-sponsors', 'sponsored') RETURNING sponsor_count",
        {sql_int(petition_id)});
    if (changed.empty()) refuse_state(db, petition_id, "collecting sponsors");
    return static_cast<int>(changed[0].integer(0));
  });
}

void SqlPublicPetitionStore::set_creator_signature(std::int64_t petition_id, std::int64_t signature_id) {
  session_.with([&](SqlConnection& db) {
    if (db.query("SELECT id FROM public_signatures WHERE id = $1 AND petition_id = $2",
                 {sql_int(signature_id), sql_int(petition_id)})
            .empty()) {
      throw_invalid(fmt::format("petition {} has no signature {}", petition_id, signature_id),
                    field_of("creator_signature_id"));
    }
    db.execute("UPDATE public_petitions SET creator_signature_id = $2 WHERE id = $1",
               {sql_int(petition_id), sql_int(signature_id)});
  });
}

std::int64_t SqlPublicPetitionStore::mark_threshold_reached(std::int64_t petition_id, std::int64_t signatures,
                                                            std::int64_t at) {
  if (signatures <= 0)
    throw_invalid("a threshold is a positive number of signatures", field_of("thresholds"));
  rows::check_instant(at, file, "reached_at");
  std::int64_t kept = at;
  session_.transaction([&](SqlConnection& db) {
    require_petition(db, petition_id);
    // The first time is kept: a later call (after invalidation took the count below and it rose
    // again) changes nothing.
    const SqlRows row = db.query(
        "INSERT INTO public_petition_thresholds (petition_id, signatures, reached_at) VALUES ($1, $2, $3)"
        " ON CONFLICT (petition_id, signatures)"
        " DO UPDATE SET reached_at = COALESCE(public_petition_thresholds.reached_at, excluded.reached_at)"
        " RETURNING reached_at",
        {sql_int(petition_id), sql_int(signatures), rows::instant(at)});
    kept = rows::read_instant(row.at(0), 0, "public petition threshold reached_at");
  });
  return kept;
}

std::vector<std::int64_t> SqlPublicPetitionStore::close_due_petitions(std::int64_t now) {
  rows::check_instant(now, file, "now");
  std::vector<std::int64_t> ids;
  session_.with([&](SqlConnection& db) {
    for (const SqlRow& row : db.query("UPDATE public_petitions SET state = 'closed', closed_at = closes_at"
                                      " WHERE state = 'open' AND closes_at <= $1 RETURNING id",
                                      {rows::instant(now)})) {
      ids.push_back(row.integer(0));
    }
  });
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace recall
