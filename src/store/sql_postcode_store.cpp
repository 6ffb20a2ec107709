#include "store/sql_postcode_store.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/batch_insert.hpp"
#include "store/sql_array.hpp"

namespace recall {

namespace {

void validate_row(const PostcodeRow& row, std::size_t index) {
  if (row.postcode.empty()) {
    throw Error(ErrorKind::invalid_input, fmt::format("postcode row {} has an empty postcode", index + 1),
                SourceLocation{"postcodes", 0, 0, "postcode"});
  }
  if (row.ons_code.empty()) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("postcode row {} ({}) has an empty constituency code", index + 1, row.postcode),
                SourceLocation{"postcodes", 0, 0, "ons_code"});
  }
}

}  // namespace

std::optional<std::string> SqlPostcodeStore::find_postcode(const std::string& normalised) {
  return session_.with([&](SqlConnection& db) -> std::optional<std::string> {
    auto rows = db.query("SELECT ons_code FROM postcodes WHERE postcode = $1", {sql_text(normalised)});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
  });
}

std::unordered_map<std::string, std::string> SqlPostcodeStore::find_postcodes(
    std::span<const std::string> normalised) {
  constexpr std::size_t chunk = 256;
  std::unordered_map<std::string, std::string> found;
  session_.with([&](SqlConnection& db) {
    std::size_t start = 0;
    for (const std::size_t count : chunk_sizes(normalised.size(), chunk)) {
      const std::span<const std::string> some = normalised.subspan(start, count);
      start += count;
      if (db.backend() == "postgresql") {
        // One index probe a postcode, whatever the table's size. `postcode IN ($1, …)` let the planner
        // scan a small table instead (the 650 example postcodes), comparing every row with every
        // value: 0.24 ms a batch of 15 against 0.03 here, and a sixth of the database's CPU while
        // signing at 5,000 a second (docs/performance.md). LIMIT 1 keeps the subquery a probe.
        SqlParams values(some.begin(), some.end());
        for (const SqlRow& row :
             db.query("SELECT q.postcode, x.ons_code FROM unnest($1::text[]) AS q(postcode)"
                      " CROSS JOIN LATERAL (SELECT p.ons_code FROM postcodes p"
                      " WHERE p.postcode = q.postcode LIMIT 1) AS x",
                      {sql_text(postgres_array_literal(values))})) {
          found.emplace(row.text(0), row.text(1));
        }
        continue;
      }
      std::string sql = "SELECT postcode, ons_code FROM postcodes WHERE postcode IN (";
      SqlParams params;
      params.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        sql += fmt::format("{}${}", i == 0 ? "" : ", ", i + 1);
        params.emplace_back(some[i]);
      }
      sql += ")";
      for (const SqlRow& row : db.query(sql, params)) found.emplace(row.text(0), row.text(1));
    }
  });
  return found;
}

void SqlPostcodeStore::upsert_postcodes(const std::vector<PostcodeRow>& rows) {
  // Later rows win, as if upserted one by one; a multi-row INSERT … ON CONFLICT may not touch the
  // same key twice (PostgreSQL rejects it), so earlier duplicates are skipped.
  std::unordered_map<std::string_view, std::size_t> last;
  last.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    validate_row(rows[i], i);
    last[rows[i].postcode] = i;
  }
  std::vector<const PostcodeRow*> unique;
  unique.reserve(last.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (last[rows[i].postcode] == i) unique.push_back(&rows[i]);
  }
  session_.transaction([&](SqlConnection& db) {
    insert_rows(db,
                {"INSERT INTO postcodes (postcode, ons_code) VALUES ", 2,
                 " ON CONFLICT (postcode) DO UPDATE SET ons_code = excluded.ons_code"},
                unique.size(),
                [&](std::size_t i, SqlParams& out) {
                  out.emplace_back(unique[i]->postcode);
                  out.emplace_back(unique[i]->ons_code);
                });
  });
}

std::int64_t SqlPostcodeStore::count_postcodes() {
  return session_.with([](SqlConnection& db) { return db.query("SELECT COUNT(*) FROM postcodes", {}).at(0).integer(0); });
}

}  // namespace recall
