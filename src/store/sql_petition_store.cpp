// The petition itself, the steps recorded on it after opening, and the by-election that follows a
// successful one.
#include "store/sql_petition_store.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_petition_rows.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;
constexpr std::string_view file = "petition";

void validate(const Petition& p) {
  sf::require_text(p.ons_code, file, "ons_code");
  sf::require_text(p.policy_id, file, "policy_id");
  sf::require_utc_timestamp(p.opened_at, file, "opened_at");
  if (p.maximum_signing_places < 0) {
    throw_invalid("maximum_signing_places must not be negative",
                  SourceLocation{std::string(file), 0, 0, "maximum_signing_places"});
  }
  if (p.count.has_value() != p.counted_at.has_value()) {
    throw_invalid("a count and its time go together", SourceLocation{std::string(file), 0, 0, "counted_at"});
  }
  if (p.counted_at) sf::require_utc_timestamp(*p.counted_at, file, "counted_at");
  if (p.speaker_notified_at) sf::require_utc_timestamp(*p.speaker_notified_at, file, "speaker_notified_at");
  if (p.declared_at) sf::require_utc_timestamp(*p.declared_at, file, "declared_at");
}

// The statements that record one step: UPDATE … WHERE id = $1 RETURNING id.
void update_petition(SqlConnection& db, std::string_view assignments, std::int64_t id, SqlParams values) {
  SqlParams params{sql_int(id)};
  params.insert(params.end(), std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
  if (db.query(fmt::format("UPDATE petitions SET {} WHERE id = $1 RETURNING id", assignments), params)
          .empty()) {
    throw_not_found(fmt::format("no petition with id {}", id));
  }
}

std::string placeholders(std::size_t from, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += fmt::format("{}${}", i == 0 ? "" : ", ", from + i);
  return out;
}

}  // namespace

std::int64_t SqlPetitionStore::create_petition(const Petition& petition) {
  validate(petition);
  // DO NOTHING on the one-unfinished-petition index rather than catching the violation: on PostgreSQL
  // a failed statement would abort a transaction the caller may have open around this one.
  static const std::string insert = fmt::format(
      "INSERT INTO petitions ({}) VALUES ({}) ON CONFLICT (ons_code)"
      " WHERE declared_at IS NULL AND termination_reason IS NULL DO NOTHING RETURNING id",
      petition_rows::columns, placeholders(1, petition_rows::column_count));
  std::optional<std::int64_t> id;
  session_.transaction([&](SqlConnection& db) {
    if (db.query("SELECT id FROM registers WHERE id = $1", {sql_int(petition.register_id)}).empty()) {
      throw_invalid(fmt::format("no register with id {}", petition.register_id),
                    SourceLocation{std::string(file), 0, 0, "register_id"});
    }
    const SqlRows rows = db.query(insert, petition_rows::petition_params(petition));
    if (rows.empty()) return;  // nothing written: the transaction commits empty
    id = rows[0].integer(0);
    petition_rows::write_closures(db, *id, petition.timetable.closures);
    petition_rows::write_rejections(db, *id, petition.count);
  });
  if (!id) {
    throw Error(ErrorKind::conflict,
                fmt::format("constituency {} already has a petition under way", petition.ons_code),
                SourceLocation{std::string(file), 0, 0, "ons_code"});
  }
  return *id;
}

std::optional<Petition> SqlPetitionStore::find_petition(std::int64_t id) {
  return session_.with([&](SqlConnection& db) -> std::optional<Petition> {
    auto petitions = petition_rows::load_petitions(db, id);
    if (petitions.empty()) return std::nullopt;
    return std::move(petitions.front());
  });
}

std::vector<Petition> SqlPetitionStore::list_petitions() {
  return session_.with([&](SqlConnection& db) { return petition_rows::load_petitions(db, std::nullopt); });
}

void SqlPetitionStore::set_termination(std::int64_t id, const Termination& termination) {
  session_.with([&](SqlConnection& db) {
    update_petition(db, "termination_on = $2, termination_reason = $3, termination_detail = $4", id,
                    {sf::date(termination.on), sql_text(std::string(to_string(termination.reason))),
                     sql_text(termination.detail)});
  });
}

void SqlPetitionStore::set_count(std::int64_t id, const Declaration& count, const std::string& counted_at) {
  sf::require_utc_timestamp(counted_at, file, "counted_at");
  session_.transaction([&](SqlConnection& db) {
    update_petition(db, petition_rows::count_assignments, id, petition_rows::count_params(count, counted_at));
    petition_rows::write_rejections(db, id, count);
  });
}

void SqlPetitionStore::set_speaker_notified(std::int64_t id, const std::string& at) {
  sf::require_utc_timestamp(at, file, "speaker_notified_at");
  session_.with(
      [&](SqlConnection& db) { update_petition(db, "speaker_notified_at = $2", id, {sql_text(at)}); });
}

void SqlPetitionStore::set_declared(std::int64_t id, const std::string& at) {
  sf::require_utc_timestamp(at, file, "declared_at");
  session_.with([&](SqlConnection& db) { update_petition(db, "declared_at = $2", id, {sql_text(at)}); });
}

std::int64_t SqlPetitionStore::add_by_election(const ByElection& by_election) {
  constexpr std::string_view where = "by_election";
  sf::require_text(by_election.ons_code, where, "ons_code");
  sf::require_utc_timestamp(by_election.vacancy_at, where, "vacancy_at");
  sf::require_text(by_election.status, where, "status");
  return session_.with([&](SqlConnection& db) {
    if (db.query("SELECT id FROM petitions WHERE id = $1", {sql_int(by_election.petition_id)}).empty()) {
      throw_not_found(fmt::format("no petition with id {}", by_election.petition_id));
    }
    const SqlRows rows = db.query(
        "INSERT INTO by_elections (ons_code, petition_id, vacancy_at, status) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (petition_id) DO NOTHING RETURNING id",
        {sql_text(by_election.ons_code), sql_int(by_election.petition_id), sql_text(by_election.vacancy_at),
         sql_text(by_election.status)});
    if (rows.empty()) {
      throw Error(ErrorKind::conflict,
                  fmt::format("petition {} already has a by-election", by_election.petition_id),
                  SourceLocation{std::string(where), 0, 0, "petition_id"});
    }
    return rows[0].integer(0);
  });
}

std::vector<ByElection> SqlPetitionStore::list_by_elections() {
  return session_.with([&](SqlConnection& db) {
    std::vector<ByElection> out;
    for (const SqlRow& row :
         db.query("SELECT id, ons_code, petition_id, vacancy_at, status FROM by_elections ORDER BY id", {})) {
      out.push_back({row.integer(0), row.text(1), row.integer(2), row.text(3), row.text(4)});
    }
    return out;
  });
}

}  // namespace recall
