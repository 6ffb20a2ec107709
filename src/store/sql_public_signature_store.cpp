// Public signatures once stored: confirmation of a batch's tokens, look-ups, the pages of canonical
// emails that rebuild the duplicate check, and the count as one GROUP BY.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_public_petition_rows.hpp"
#include "store/sql_public_petition_store.hpp"

namespace recall {

namespace {

namespace pp = public_petition;
namespace sf = sql_fields;
namespace rows = public_rows;
constexpr std::string_view file = "public_signature";

// IN (…) lists of token hashes and ids: long enough for a surge's batch in a few statements.
constexpr std::size_t list_chunk = 512;

}  // namespace

std::vector<std::optional<ConfirmedSignature>> SqlPublicPetitionStore::confirm_signatures(
    std::span<const ConfirmToken> tokens, std::int64_t at) {
  rows::check_instant(at, file, "confirmed_at");
  std::vector<std::optional<ConfirmedSignature>> results(tokens.size());
  if (tokens.empty()) return results;
  std::vector<std::int64_t> named;
  named.reserve(tokens.size());
  for (const ConfirmToken& token : tokens) named.push_back(token.signature_id);
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());

  session_.transaction([&](SqlConnection& db) {
    // The UPDATE forgets the hash, so the rows' hashes are read first; `state = 'pending'` in the
    // UPDATE still decides, so a signature confirms once.
    std::map<std::int64_t, TokenHash> pending_hash;
    std::size_t start = 0;
    for (const std::size_t count : rows::chunk_sizes(named.size(), list_chunk)) {
      SqlParams params;
      const std::string list = rows::id_list(std::span(named).subspan(start, count), params);
      for (const SqlRow& row : db.query(fmt::format("SELECT id, {} FROM public_signatures WHERE state = 'pending'"
                                                    " AND confirm_token_hash IS NOT NULL AND id IN ({})",
                                                    binary_.column("confirm_token_hash"), list),
                                        params)) {
        TokenHash hash{};
        binary_.read(row, 1, hash, "public signature confirm_token_hash");
        pending_hash.emplace(row.integer(0), hash);
      }
      start += count;
    }
    // Whether each token's secret is its row's; the ids to confirm are those of the tokens that hold.
    std::vector<bool> holds(tokens.size(), false);
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto row = pending_hash.find(tokens[i].signature_id);
      holds[i] = row != pending_hash.end() && row->second == tokens[i].hash;
      if (holds[i]) ids.push_back(tokens[i].signature_id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    std::map<std::int64_t, ConfirmedSignature> confirmed;
    start = 0;
    for (const std::size_t count : rows::chunk_sizes(ids.size(), list_chunk)) {
      SqlParams params{rows::instant(at)};
      const std::string list = rows::id_list(std::span(ids).subspan(start, count), params);
      for (const SqlRow& row :
           db.query(fmt::format("UPDATE public_signatures SET state = 'confirmed', confirmed_at = $1,"
                                " confirm_token_hash = NULL WHERE state = 'pending' AND id IN ({})"
                                " RETURNING id, petition_id, ons_code, standing, sponsor",
                                list),
                    params)) {
        const std::int64_t id = row.integer(0);
        confirmed.emplace(id,
                          ConfirmedSignature{id, row.integer(1), row.optional_text(2),
                                             row.text(3) == pp::to_string(pp::SignatureStanding::counted),
                                             sf::read_boolean(row, 4)});
      }
      start += count;
    }
    // One result per token; the same token twice in a batch confirms once.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!holds[i]) continue;
      const auto row = confirmed.find(tokens[i].signature_id);
      if (row != confirmed.end()) {
        results[i] = row->second;
        confirmed.erase(row);
      }
    }
  });
  return results;
}

std::optional<PublicSignatureRecord> SqlPublicPetitionStore::find_signature(std::int64_t id) {
  const std::string sql =
      fmt::format("SELECT {} FROM public_signatures WHERE id = $1", rows::signature_columns(binary_));
  return session_.with([&](SqlConnection& db) -> std::optional<PublicSignatureRecord> {
    const SqlRows found = db.query(sql, {sql_int(id)});
    if (found.empty()) return std::nullopt;
    return rows::read_signature(found[0], binary_);
  });
}

std::optional<PublicSignatureRecord> SqlPublicPetitionStore::find_signature_by_email(
    std::int64_t petition_id, const std::string& canonical_email) {
  const std::string sql =
      fmt::format("SELECT {} FROM public_signatures WHERE petition_id = $1 AND canonical_email = $2",
                  rows::signature_columns(binary_));
  return session_.with([&](SqlConnection& db) -> std::optional<PublicSignatureRecord> {
    const SqlRows found = db.query(sql, {sql_int(petition_id), sql_text(canonical_email)});
    if (found.empty()) return std::nullopt;
    return rows::read_signature(found[0], binary_);
  });
}

std::vector<SignatureEmail> SqlPublicPetitionStore::canonical_emails(std::int64_t petition_id,
                                                                     std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 100'000)
    throw_invalid("limit must be 1 to 100000", SourceLocation{"query", 0, 0, "limit"});
  return session_.with([&](SqlConnection& db) {
    std::vector<SignatureEmail> out;
    for (const SqlRow& row : db.query("SELECT id, canonical_email FROM public_signatures"
                                      " WHERE petition_id = $1 AND id > $2 AND canonical_email IS NOT NULL"
                                      " ORDER BY id LIMIT $3",
                                      {sql_int(petition_id), sql_int(after_id), sql_int(limit)})) {
      out.push_back({row.integer(0), row.text(1)});
    }
    return out;
  });
}

std::int64_t SqlPublicPetitionStore::count_signatures(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    return db.query("SELECT count(*) FROM public_signatures WHERE petition_id = $1", {sql_int(petition_id)})
        .at(0)
        .integer(0);
  });
}

std::vector<PublicSignatureRecord> SqlPublicPetitionStore::list_signatures(std::int64_t petition_id,
                                                                         std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 100'000)
    throw_invalid("limit must be 1 to 100000", SourceLocation{"query", 0, 0, "limit"});
  const std::string sql = fmt::format(
      "SELECT {} FROM public_signatures WHERE petition_id = $1 AND id > $2 ORDER BY id LIMIT $3",
      rows::signature_columns(binary_));
  return session_.with([&](SqlConnection& db) {
    std::vector<PublicSignatureRecord> out;
    for (const SqlRow& row : db.query(sql, {sql_int(petition_id), sql_int(after_id), sql_int(limit)}))
      out.push_back(rows::read_signature(row, binary_));
    return out;
  });
}

bool SqlPublicPetitionStore::replace_confirm_token(std::int64_t signature_id, const TokenHash& confirm_token_hash) {
  return session_.with([&](SqlConnection& db) {
    SqlParams params{sql_int(signature_id)};
    const std::string token = rows::bind_binary(params, binary_, confirm_token_hash);
    return !db.query(fmt::format("UPDATE public_signatures SET confirm_token_hash = {}"
                                 " WHERE id = $1 AND state = 'pending' AND confirm_token_hash IS NOT NULL"
                                 " RETURNING id",
                                 token),
                     params)
                .empty();
  });
}

std::vector<pp::ConstituencyCount> SqlPublicPetitionStore::count_by_constituency(std::int64_t petition_id) {
  std::vector<pp::ConstituencyCount> counts;
  session_.with([&](SqlConnection& db) {
    // The one definition of a counted signature: confirmed, and counted standing.
    for (const SqlRow& row :
         db.query("SELECT ons_code, count(*) FROM public_signatures"
                  " WHERE petition_id = $1 AND state = 'confirmed' AND standing = 'counted'"
                  " GROUP BY ons_code",
                  {sql_int(petition_id)})) {
      counts.push_back({row.optional_text(0).value_or(""), row.integer(1)});
    }
  });
  // NULL sorts first on SQLite and last on PostgreSQL; "" (unallocated) first on both.
  std::sort(counts.begin(), counts.end(), [](const pp::ConstituencyCount& a, const pp::ConstituencyCount& b) {
    return a.ons_code < b.ons_code;
  });
  return counts;
}

}  // namespace recall
