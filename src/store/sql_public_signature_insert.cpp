// Public signatures going in: the batched insert the intake sequencer commits as one transaction
// per batch, with the batch's confirmation links queued by the same write (migration 0014). Row by
// row with one reused statement on SQLite; on PostgreSQL the batch is one round trip.
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
  params.push_back(s.screening.reason ? sql_text(std::string(pp::to_string(*s.screening.reason)))
                                      : SqlValue(nullptr));
  params.push_back(binary.value(s.confirm_token_hash));
  params.push_back(rows::instant(s.created_at));
}

// The "(…)" of VALUES for the row whose values start at parameter `first` (1-based).
std::string values_text(const BinaryColumns& binary, std::size_t first) {
  const auto at = [&](std::size_t column) { return fmt::format("${}", first + column); };
  const auto binary_at = [&](std::size_t column) { return binary.param(static_cast<int>(first + column)); };
  return fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, 'pending', {}, {}, {}, {})", at(0), at(1),
                     at(2), at(3), at(4), at(5), binary_at(6), at(7), at(8), at(9), at(10), at(11),
                     binary_at(12), at(13));
}

// PostgreSQL: the rows of `signatures` at `which` as one array per column (sql_array.hpp), in
// bind_values' order.
SqlParams column_arrays(std::span<const NewPublicSignature> signatures, std::span<const std::size_t> which,
                        const BinaryColumns& binary) {
  std::vector<SqlParams> columns(values_per_signature);
  for (SqlParams& column : columns) column.reserve(which.size());
  SqlParams row;
  for (const std::size_t i : which) {
    row.clear();
    bind_values(signatures[i], binary, row);
    for (std::size_t c = 0; c < values_per_signature; ++c) columns[c].push_back(std::move(row[c]));
  }
  SqlParams arrays;
  arrays.reserve(values_per_signature);
  for (const SqlParams& column : columns) arrays.push_back(sql_text(postgres_array_literal(column)));
  return arrays;
}

constexpr std::string_view unnest_columns =
    "unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[], "
    "$8::text[],"
    " $9::integer[], $10::integer[], $11::text[], $12::text[], $13::bytea[], $14::text[]";
constexpr std::string_view unnest_names = "p, n, e, c, pc, o, ip, d, u, s, st, sr, h, ca";
constexpr std::string_view unnest_select = "SELECT p, n, e, c, pc, o, ip, d, u, s, 'pending', st, sr, h, ca";
std::string_view insert_into() {
  return insert_head.substr(0, insert_head.size() - std::string_view(" VALUES ").size());
}

const std::string& unnest_insert_sql() {
  static const std::string sql =
      fmt::format("{} {} FROM {}) AS r({}){} RETURNING id, petition_id, canonical_email", insert_into(),
                  unnest_select, unnest_columns, unnest_names, on_conflict);
  return sql;
}

// The same INSERT, and each new row's link (its id as 8 octets, big-endian, then the secret of $15:
// the token's layout) queued in public_confirmation_mail as rows of at most 200 (migration 0014), in
// one statement: the rows are keyed by (petition, canonical email) and sent once each, so the join
// finds each inserted row's own secret.
const std::string& unnest_insert_queueing_links_sql() {
  static const std::string sql = fmt::format(
      "WITH r AS (SELECT * FROM {}, $15::bytea[]) WITH ORDINALITY AS r({}, k, ord)),"
      " ins AS ({} {} FROM r{} RETURNING id, petition_id, canonical_email),"
      " mail AS (INSERT INTO public_confirmation_mail (queued_at, links)"
      " SELECT $16, string_agg(int8send(ins.id) || r.k, ''::bytea ORDER BY r.ord) FROM ins"
      " JOIN r ON r.p = ins.petition_id AND r.c = ins.canonical_email"
      " GROUP BY (r.ord - 1) / 200 ORDER BY (r.ord - 1) / 200)"
      " SELECT id, petition_id, canonical_email FROM ins",
      unnest_columns, unnest_names, insert_into(), unnest_select, on_conflict);
  return sql;
}

// The index of each row that is the first in the batch with its (petition, canonical email): the
// others are duplicates of it whatever the database holds.
std::vector<std::size_t> first_of_each_key(std::span<const NewPublicSignature> signatures) {
  std::set<std::pair<std::int64_t, std::string_view>> seen;
  std::vector<std::size_t> firsts;
  firsts.reserve(signatures.size());
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    if (seen.emplace(signatures[i].petition_id, signatures[i].email.canonical).second) firsts.push_back(i);
  }
  return firsts;
}

// Error(invalid_input) naming the first row whose petition `exists` says is missing; asked once a
// petition.
template <typename Exists>
void require_petitions(std::span<const NewPublicSignature> signatures, Exists exists) {
  std::set<std::int64_t> checked;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    const std::int64_t petition = signatures[i].petition_id;
    if (!checked.insert(petition).second) continue;
    if (!exists(petition))
      throw_invalid(fmt::format("no public petition with id {}", petition), row_field(i, "petition_id"));
  }
}

}  // namespace

std::vector<SignatureInsert> SqlPublicPetitionStore::add_signatures(
    std::span<const NewPublicSignature> signatures) {
  return insert_signatures(signatures, {}, std::nullopt);
}

std::vector<SignatureInsert> SqlPublicPetitionStore::add_signatures_and_links(
    std::span<const NewPublicSignature> signatures, std::span<const ConfirmLinkSecret> secrets,
    std::int64_t queued_at) {
  if (secrets.size() != signatures.size()) {
    throw_invalid(fmt::format("{} link secrets for {} signatures", secrets.size(), signatures.size()),
                  SourceLocation{std::string(file), 0, 0, "secrets"});
  }
  rows::check_instant(queued_at, "public_confirmation_mail", "queued_at");
  return insert_signatures(signatures, secrets, queued_at);
}

std::vector<SignatureInsert> SqlPublicPetitionStore::insert_signatures(
    std::span<const NewPublicSignature> signatures, std::span<const ConfirmLinkSecret> secrets,
    std::optional<std::int64_t> queued_at) {
  for (std::size_t i = 0; i < signatures.size(); ++i) validate(signatures[i], i);
  std::vector<SignatureInsert> results(signatures.size());
  if (signatures.empty()) return results;

  session_.transaction([&](SqlConnection& db) {
    // The rows the database took, by (petition, canonical email). A duplicate, in the table or earlier
    // in the batch, is skipped by ON CONFLICT and simply not returned.
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> inserted;
    if (db.backend() == "postgresql") {
      insert_on_postgres(db, signatures, secrets, queued_at, inserted);
    } else {
      insert_on_sqlite(db, signatures, secrets, queued_at, inserted);
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

void SqlPublicPetitionStore::insert_on_sqlite(
    SqlConnection& db, std::span<const NewPublicSignature> signatures,
    std::span<const ConfirmLinkSecret> secrets, std::optional<std::int64_t> queued_at,
    std::map<std::pair<std::int64_t, std::string>, std::int64_t>& inserted) {
  require_petitions(signatures, [&](std::int64_t petition) {
    return !db.query("SELECT id FROM public_petitions WHERE id = $1", {sql_int(petition)}).empty();
  });
  // One prepared single-row INSERT, reused (the same text every time): in process, a statement costs
  // no round trip.
  const std::string single_row_sql = fmt::format("{}{}{}", insert_head, values_text(binary_, 1), on_conflict);
  SqlParams params;
  params.reserve(values_per_signature);
  std::vector<QueuedConfirmation> links;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    params.clear();
    bind_values(signatures[i], binary_, params);
    const auto id = db.insert_returning_id(single_row_sql, params);
    if (!id) continue;
    inserted.emplace(std::pair{signatures[i].petition_id, signatures[i].email.canonical}, *id);
    if (queued_at) links.push_back(QueuedConfirmation{*id, secrets[i]});
  }
  if (queued_at) queue_confirmations(links, *queued_at);
}

void SqlPublicPetitionStore::insert_on_postgres(
    SqlConnection& db, std::span<const NewPublicSignature> signatures,
    std::span<const ConfirmLinkSecret> secrets, std::optional<std::int64_t> queued_at,
    std::map<std::pair<std::int64_t, std::string>, std::int64_t>& inserted) {
  // One round trip for the batch (with the transaction's BEGIN): the check that its petitions exist,
  // then one INSERT … SELECT FROM unnest per 1,000 rows, the same text for any count.
  std::vector<SqlStatement> statements;
  SqlParams petition_ids;
  {
    std::set<std::int64_t> distinct;
    for (const NewPublicSignature& s : signatures) {
      if (distinct.insert(s.petition_id).second) petition_ids.push_back(sql_int(s.petition_id));
    }
  }
  statements.push_back({"SELECT id FROM public_petitions WHERE id = ANY($1::bigint[])",
                        {sql_text(postgres_array_literal(petition_ids))}});
  const std::vector<std::size_t> firsts = first_of_each_key(signatures);
  for (std::size_t start = 0; start < firsts.size(); start += db.rows_per_insert()) {
    const auto which =
        std::span(firsts).subspan(start, std::min(firsts.size() - start, db.rows_per_insert()));
    SqlParams params = column_arrays(signatures, which, binary_);
    if (queued_at) {
      SqlParams link_secrets;
      link_secrets.reserve(which.size());
      for (const std::size_t i : which) link_secrets.push_back(binary_.value(secrets[i]));
      params.push_back(sql_text(postgres_array_literal(link_secrets)));
      params.push_back(sql_int(*queued_at));
    }
    statements.push_back(
        {queued_at ? unnest_insert_queueing_links_sql() : unnest_insert_sql(), std::move(params)});
  }
  const SqlResults results = db.query_all(statements);

  // A missing petition is named by its first row, before the statement trigger's error says it
  // without the row (migration 0011).
  if (!results.rows.empty()) {
    std::set<std::int64_t> found;
    for (const SqlRow& row : results.rows.front()) found.insert(row.integer(0));
    require_petitions(signatures, [&](std::int64_t petition) { return found.contains(petition); });
  }
  results.rethrow_failure();
  for (std::size_t r = 1; r < results.rows.size(); ++r) {
    for (const SqlRow& row : results.rows[r])
      inserted.emplace(std::pair{row.integer(1), row.text(2)}, row.integer(0));
  }
}

}  // namespace recall
