// Public signatures: the batched insert and confirmation the intake sequencer commits as one
// transaction per batch, look-ups, the pages of canonical emails that rebuild the duplicate check,
// and the count as one GROUP BY.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_array.hpp"
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

SourceLocation row_field(std::size_t index, std::string_view field) {
  return SourceLocation{std::string(file), static_cast<int>(index + 1), 0, std::string(field)};
}

void require(bool ok, std::size_t index, std::string_view field, std::string_view what) {
  if (!ok) throw_invalid(std::string(what), row_field(index, field));
}

bool lower_case(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

void validate(const NewPublicSignature& s, std::size_t index) {
  require(s.petition_id > 0, index, "petition_id", "a signature names its petition");
  require(!s.name.empty(), index, "name", "name is empty");
  require(!s.email.address.empty(), index, "email", "email is empty");
  require(!s.email.canonical.empty(), index, "canonical_email", "the canonical email is empty");
  require(!s.email.domain.empty() && lower_case(s.email.domain), index, "email_domain",
          "the email domain is empty or not in lower case");
  require(!s.postcode.empty(), index, "postcode", "postcode is empty");
  require(!s.ons_code || !s.ons_code->empty(), index, "ons_code",
          "an unallocated signature has no ons_code, not \"\"");
  require((s.screening.standing == pp::SignatureStanding::suspect) == s.screening.reason.has_value(), index,
          "suspect_reason", "a suspect signature has a reason, and only a suspect one");
  rows::check_instant(s.created_at, file, "created_at", static_cast<int>(index + 1));
}

constexpr std::size_t values_per_signature = 14;

constexpr std::string_view insert_head =
    "INSERT INTO public_signatures (petition_id, name, email, canonical_email, postcode, ons_code, ip,"
    " email_domain, uk_resident, sponsor, state, standing, suspect_reason, confirm_token_hash, created_at)"
    " VALUES ";
constexpr std::string_view on_conflict = " ON CONFLICT (petition_id, canonical_email) DO NOTHING";

// One signature's values, in insert_head's column order (state is the literal 'pending').
void bind_values(const NewPublicSignature& s, const BinaryColumns& binary, SqlParams& params) {
  params.push_back(sql_int(s.petition_id));
  params.push_back(sql_text(s.name));
  params.push_back(sql_text(s.email.address));
  params.push_back(sql_text(s.email.canonical));
  params.push_back(sql_text(s.postcode));
  params.push_back(sf::optional_text(s.ons_code));
  params.push_back(binary.value(s.ip.sort_key()));
  params.push_back(sql_text(s.email.domain));
  params.push_back(sf::boolean(s.uk_resident));
  params.push_back(sf::boolean(s.sponsor));
  params.push_back(sql_text(std::string(pp::to_string(s.screening.standing))));
  params.push_back(s.screening.reason ? sql_text(std::string(pp::to_string(*s.screening.reason))) : SqlValue(nullptr));
  params.push_back(binary.value(s.confirm_token_hash));
  params.push_back(rows::instant(s.created_at));
}

// The "(…)" of VALUES for the row whose values start at parameter `first` (1-based).
std::string values_text(const BinaryColumns& binary, std::size_t first) {
  const auto at = [&](std::size_t column) { return fmt::format("${}", first + column); };
  const auto binary_at = [&](std::size_t column) { return binary.param(static_cast<int>(first + column)); };
  return fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, 'pending', {}, {}, {}, {})", at(0), at(1), at(2), at(3),
                     at(4), at(5), binary_at(6), at(7), at(8), at(9), at(10), at(11), binary_at(12), at(13));
}

// PostgreSQL: the batch's rows as one array per column (sql_array.hpp), in bind_values' order.
SqlParams column_arrays(std::span<const NewPublicSignature> signatures, const BinaryColumns& binary) {
  std::vector<SqlParams> columns(values_per_signature);
  for (SqlParams& column : columns) column.reserve(signatures.size());
  SqlParams row;
  for (const NewPublicSignature& s : signatures) {
    row.clear();
    bind_values(s, binary, row);
    for (std::size_t c = 0; c < values_per_signature; ++c) columns[c].push_back(std::move(row[c]));
  }
  SqlParams arrays;
  arrays.reserve(values_per_signature);
  for (const SqlParams& column : columns) arrays.push_back(sql_text(postgres_array_literal(column)));
  return arrays;
}

const std::string& unnest_insert_sql() {
  static const std::string sql = fmt::format(
      "{} SELECT p, n, e, c, pc, o, ip, d, u, s, 'pending', st, sr, h, ca FROM unnest($1::bigint[], $2::text[],"
      " $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::text[], $9::integer[], $10::integer[],"
      " $11::text[], $12::text[], $13::bytea[], $14::text[]) AS r(p, n, e, c, pc, o, ip, d, u, s, st, sr, h, ca)"
      "{} RETURNING id, petition_id, canonical_email",
      insert_head.substr(0, insert_head.size() - std::string_view(" VALUES ").size()), on_conflict);
  return sql;
}

}  // namespace

std::vector<SignatureInsert> SqlPublicPetitionStore::add_signatures(
    std::span<const NewPublicSignature> signatures) {
  for (std::size_t i = 0; i < signatures.size(); ++i) validate(signatures[i], i);
  std::vector<SignatureInsert> results(signatures.size());
  if (signatures.empty()) return results;

  session_.transaction([&](SqlConnection& db) {
    std::set<std::int64_t> petitions;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
      if (!petitions.insert(signatures[i].petition_id).second) continue;
      if (db.query("SELECT id FROM public_petitions WHERE id = $1", {sql_int(signatures[i].petition_id)})
              .empty()) {
        throw_invalid(fmt::format("no public petition with id {}", signatures[i].petition_id),
                      row_field(i, "petition_id"));
      }
    }
    // The rows the database took, by (petition, canonical email). A duplicate, in the table or earlier
    // in the batch, is skipped by ON CONFLICT and simply not returned.
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> inserted;
    if (db.backend() == "postgresql") {
      // One INSERT … SELECT FROM unnest per 1,000 rows, the same text for any count.
      for (std::size_t start = 0; start < signatures.size(); start += db.rows_per_insert()) {
        const std::size_t count = std::min(db.rows_per_insert(), signatures.size() - start);
        for (const SqlRow& row : db.query(unnest_insert_sql(), column_arrays(signatures.subspan(start, count), binary_)))
          inserted.emplace(std::pair{row.integer(1), row.text(2)}, row.integer(0));
      }
    } else {
      // SQLite: one prepared single-row INSERT, reused (the same text every time).
      const std::string single_row_sql = fmt::format("{}{}{}", insert_head, values_text(binary_, 1), on_conflict);
      SqlParams params;
      params.reserve(values_per_signature);
      for (const NewPublicSignature& s : signatures) {
        params.clear();
        bind_values(s, binary_, params);
        if (const auto id = db.insert_returning_id(single_row_sql, params))
          inserted.emplace(std::pair{s.petition_id, s.email.canonical}, *id);
      }
    }
    // The first row with a key is the one inserted (rows go in in order); later ones are duplicates of it.
    for (std::size_t i = 0; i < signatures.size(); ++i) {
      const auto found = inserted.find({signatures[i].petition_id, signatures[i].email.canonical});
      if (found == inserted.end()) continue;
      results[i].id = found->second;
      inserted.erase(found);
    }
  });
  return results;
}

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
