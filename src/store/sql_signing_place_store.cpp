// Signing places, their opening hours, and the allocation of polling districts to them (s.7).
#include <fmt/format.h>

#include <map>
#include <set>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_petition_store.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;
constexpr std::string_view file = "signing_place";

[[noreturn]] void invalid_place(std::string message, std::string field) {
  throw_invalid(std::move(message), SourceLocation{std::string(file), 0, 0, std::move(field)});
}

// Only what the tables themselves require; whether the hours meet the statutory minimum is
// check_opening_hours' call, made by the service before it gets here.
void validate(const SigningPlace& place) {
  sf::require_text(place.name, file, "name");
  std::set<int> weekdays;
  for (std::size_t i = 0; i < place.hours.size(); ++i) {
    const OpeningHours& h = place.hours[i];
    if (h.weekday < 1 || h.weekday > 7)
      invalid_place("weekday must be 1 (Monday) to 7 (Sunday)", fmt::format("hours[{}].weekday", i));
    if (!weekdays.insert(h.weekday).second)
      invalid_place("a weekday may appear once", fmt::format("hours[{}].weekday", i));
    if (h.opens < 0 || h.opens > 24 * 60)
      invalid_place("opens must be within the day", fmt::format("hours[{}].opens", i));
    if (h.closes <= h.opens || h.closes > 24 * 60) {
      invalid_place("closes must be after opens and within the day", fmt::format("hours[{}].closes", i));
    }
  }
}

void write_hours(SqlConnection& db, std::int64_t place_id, const std::vector<OpeningHours>& hours) {
  db.execute("DELETE FROM signing_place_hours WHERE place_id = $1", {sql_int(place_id)});
  std::int64_t ordinal = 0;
  for (const OpeningHours& h : hours) {
    db.execute(
        "INSERT INTO signing_place_hours (place_id, ordinal, weekday, opens, closes) VALUES ($1, $2, $3, $4, "
        "$5)",
        {sql_int(place_id), sql_int(++ordinal), sql_int(h.weekday), sql_int(h.opens), sql_int(h.closes)});
  }
}

void require_petition(SqlConnection& db, std::int64_t petition_id) {
  if (db.query("SELECT id FROM petitions WHERE id = $1", {sql_int(petition_id)}).empty()) {
    throw_not_found(fmt::format("no petition with id {}", petition_id));
  }
}

}  // namespace

std::int64_t SqlPetitionStore::add_place(const SigningPlace& place) {
  validate(place);
  std::int64_t id = 0;
  session_.transaction([&](SqlConnection& db) {
    require_petition(db, place.petition_id);
    id = db.query(
               "INSERT INTO signing_places (petition_id, name, address, postcode) VALUES ($1, $2, $3, $4) "
               "RETURNING id",
               {sql_int(place.petition_id), sql_text(place.name), sql_text(place.address),
                sql_text(place.postcode)})
             .at(0)
             .integer(0);
    write_hours(db, id, place.hours);
  });
  return id;
}

void SqlPetitionStore::update_place(const SigningPlace& place) {
  validate(place);
  session_.transaction([&](SqlConnection& db) {
    // The petition a place belongs to never changes: allocations and sheets refer to the pair.
    if (db.query(
              "UPDATE signing_places SET name = $2, address = $3, postcode = $4 WHERE id = $1 RETURNING id",
              {sql_int(place.id), sql_text(place.name), sql_text(place.address), sql_text(place.postcode)})
            .empty()) {
      throw_not_found(fmt::format("no signing place with id {}", place.id));
    }
    write_hours(db, place.id, place.hours);
  });
}

std::vector<SigningPlace> SqlPetitionStore::list_places(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<SigningPlace> places;
    std::map<std::int64_t, std::size_t> index;
    for (const SqlRow& row : db.query("SELECT id, petition_id, name, address, postcode FROM signing_places"
                                      " WHERE petition_id = $1 ORDER BY id",
                                      {sql_int(petition_id)})) {
      places.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4), {}});
      index[places.back().id] = places.size() - 1;
    }
    if (places.empty()) return places;
    for (const SqlRow& row :
         db.query("SELECT h.place_id, h.weekday, h.opens, h.closes FROM signing_place_hours h"
                  " JOIN signing_places p ON p.id = h.place_id"
                  " WHERE p.petition_id = $1 ORDER BY h.place_id, h.ordinal",
                  {sql_int(petition_id)})) {
      const auto found = index.find(row.integer(0));
      if (found == index.end()) continue;  // a place added after the first SELECT
      places[found->second].hours.push_back({static_cast<int>(row.integer(1)),
                                             static_cast<int>(row.integer(2)),
                                             static_cast<int>(row.integer(3))});
    }
    return places;
  });
}

void SqlPetitionStore::set_allocation(std::int64_t petition_id, const Allocation& allocation) {
  session_.transaction([&](SqlConnection& db) {
    require_petition(db, petition_id);
    std::set<std::int64_t> places;
    for (const SqlRow& row :
         db.query("SELECT id FROM signing_places WHERE petition_id = $1", {sql_int(petition_id)})) {
      places.insert(row.integer(0));
    }
    for (const auto& [district, place_id] : allocation) {
      if (district.empty()) invalid_place("a polling district needs a name", "allocation");
      if (!places.contains(place_id)) {
        invalid_place(fmt::format("signing place {} is not a place of petition {}", place_id, petition_id),
                      fmt::format("allocation.{}", district));
      }
    }
    db.execute("DELETE FROM allocations WHERE petition_id = $1", {sql_int(petition_id)});
    for (const auto& [district, place_id] : allocation) {
      db.execute("INSERT INTO allocations (petition_id, polling_district, place_id) VALUES ($1, $2, $3)",
                 {sql_int(petition_id), sql_text(district), sql_int(place_id)});
    }
  });
}

Allocation SqlPetitionStore::load_allocation(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    Allocation allocation;
    for (const SqlRow& row :
         db.query("SELECT polling_district, place_id FROM allocations WHERE petition_id = $1",
                  {sql_int(petition_id)})) {
      allocation[row.text(0)] = row.integer(1);
    }
    return allocation;
  });
}

}  // namespace recall
