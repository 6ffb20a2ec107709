#include "store/sql_postcode_store.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/batch_insert.hpp"

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
      std::string sql = "SELECT postcode, ons_code FROM postcodes WHERE postcode IN (";
      SqlParams params;
      params.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        sql += fmt::format("{}${}", i == 0 ? "" : ", ", i + 1);
        params.emplace_back(normalised[start + i]);
      }
      sql += ")";
      for (const SqlRow& row : db.query(sql, params)) found.emplace(row.text(0), row.text(1));
      start += count;
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
