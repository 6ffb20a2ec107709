// Postal sheets issued, signing sheets of every channel, and refused double-signing attempts.
//
// Both UNIQUE (petition_id, elector_number) tables are written with INSERT … ON CONFLICT DO NOTHING
// RETURNING id: the database alone decides a second sheet (no SELECT-then-INSERT race), and an empty
// result means "already there" without a failed statement, so on PostgreSQL the caller's transaction
// stays usable and can go on to record the DoubleSigningAttempt.
#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"
#include "store/sql_petition_references.hpp"
#include "store/sql_petition_store.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;

constexpr std::string_view postal_columns =
    "id, petition_id, elector_number, to_proxy, reason, issued_at, issued_by";
constexpr std::string_view signature_columns =
    "id, petition_id, elector_number, channel, place_id, rejection, identity_evidence, proxy_name, "
    "proxy_address, "
    "official_mark, date_of_birth_matched, signature_matched, receipt, recorded_by, recorded_at, received_on";
constexpr std::string_view attempt_columns =
    "id, petition_id, elector_number, channel, place_id, recorded_by, recorded_at";

[[noreturn]] void invalid(std::string_view file, std::string message, std::string_view field) {
  throw_invalid(std::move(message), SourceLocation{std::string(file), 0, 0, std::string(field)});
}

PostalIssue read_postal_issue(const SqlRow& row) {
  return {row.integer(0),
          row.integer(1),
          row.text(2),
          sf::read_boolean(row, 3),
          row.text(4),
          row.text(5),
          sf::read_optional_int(row, 6)};
}

SigningChannel read_channel(const SqlRow& row, std::size_t column) {
  const auto channel = parse_signing_channel(row.text(column));
  if (!channel) sf::corrupt("signing sheet", fmt::format("unknown channel '{}'", row.text(column)));
  return *channel;
}

SignatureSheet read_signature(const SqlRow& row) {
  SignatureSheet s;
  s.id = row.integer(0);
  s.petition_id = row.integer(1);
  s.elector_number = row.optional_text(2).value_or("");
  s.channel = read_channel(row, 3);
  s.place_id = sf::read_optional_int(row, 4);
  if (const auto rejection = row.optional_text(5)) {
    s.rejection = parse_rejection_reason(*rejection);
    if (!s.rejection) sf::corrupt("signing sheet", fmt::format("unknown rejection reason '{}'", *rejection));
  }
  s.identity_evidence = row.text(6);
  s.proxy_name = row.text(7);
  s.proxy_address = row.text(8);
  s.official_mark = sf::read_boolean(row, 9);
  s.date_of_birth_matched = sf::read_optional_boolean(row, 10);
  s.signature_matched = sf::read_optional_boolean(row, 11);
  s.receipt = row.text(12);
  s.recorded_by = sf::read_optional_int(row, 13);
  s.recorded_at = row.text(14);
  s.received_on = row.text(15);
  return s;
}

void validate(const PostalIssue& issue) {
  constexpr std::string_view file = "postal_issue";
  sf::require_text(issue.elector_number, file, "elector_number");
  if (issue.reason != "standing-postal-vote" && issue.reason != "application") {
    invalid(file, fmt::format("'{}' is not a reason for a postal sheet", issue.reason), "reason");
  }
  sf::require_utc_timestamp(issue.issued_at, file, "issued_at");
}

void validate(const SignatureSheet& sheet) {
  constexpr std::string_view file = "signature";
  if (sheet.elector_number.empty() && sheet.rejection != RejectionReason::unmarked_or_void_for_uncertainty) {
    invalid(file, "only a sheet void for uncertainty may name no elector", "elector_number");
  }
  sf::require_utc_timestamp(sheet.recorded_at, file, "recorded_at");
  if (!try_parse_iso_date(sheet.received_on)) {
    invalid(file, fmt::format("'{}' is not a date YYYY-MM-DD", sheet.received_on), "received_on");
  }
}

void validate(const DoubleSigningAttempt& attempt) {
  constexpr std::string_view file = "double_signing_attempt";
  sf::require_text(attempt.elector_number, file, "elector_number");
  sf::require_utc_timestamp(attempt.recorded_at, file, "recorded_at");
}

}  // namespace

std::int64_t SqlPetitionStore::add_postal_issue(const PostalIssue& issue) {
  validate(issue);
  return session_.with([&](SqlConnection& db) {
    require_petition_references(db, {issue.petition_id, std::nullopt, issue.issued_by, "issued_by"},
                                "postal_issue");
    const SqlRows rows = db.query(
        "INSERT INTO postal_issues (petition_id, elector_number, to_proxy, reason, issued_at, issued_by)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (petition_id, elector_number) DO NOTHING RETURNING id",
        {sql_int(issue.petition_id), sql_text(issue.elector_number), sf::boolean(issue.to_proxy),
         sql_text(issue.reason), sql_text(issue.issued_at), sf::optional_int(issue.issued_by)});
    if (rows.empty()) {
      throw Error(ErrorKind::conflict, "a postal signing sheet has already been issued to this elector",
                  SourceLocation{"postal_issue", 0, 0, "elector_number"});
    }
    return rows[0].integer(0);
  });
}

std::vector<PostalIssue> SqlPetitionStore::list_postal_issues(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<PostalIssue> out;
    for (const SqlRow& row : db.query(
             fmt::format("SELECT {} FROM postal_issues WHERE petition_id = $1 ORDER BY id", postal_columns),
             {sql_int(petition_id)})) {
      out.push_back(read_postal_issue(row));
    }
    return out;
  });
}

std::optional<PostalIssue> SqlPetitionStore::find_postal_issue(std::int64_t petition_id,
                                                               const std::string& elector_number) {
  return session_.with([&](SqlConnection& db) -> std::optional<PostalIssue> {
    const SqlRows rows =
        db.query(fmt::format("SELECT {} FROM postal_issues WHERE petition_id = $1 AND elector_number = $2",
                             postal_columns),
                 {sql_int(petition_id), sql_text(elector_number)});
    if (rows.empty()) return std::nullopt;
    return read_postal_issue(rows[0]);
  });
}

std::int64_t SqlPetitionStore::add_signature(const SignatureSheet& sheet) {
  validate(sheet);
  return session_.with([&](SqlConnection& db) {
    require_petition_references(db, {sheet.petition_id, sheet.place_id, sheet.recorded_by, "recorded_by"},
                                "signature");
    const SqlRows rows = db.query(
        "INSERT INTO signatures (petition_id, elector_number, channel, place_id, rejection, "
        "identity_evidence,"
        " proxy_name, proxy_address, official_mark, date_of_birth_matched, signature_matched, receipt, "
        "recorded_by,"
        " recorded_at, received_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
        " ON CONFLICT (petition_id, elector_number) DO NOTHING RETURNING id",
        {sql_int(sheet.petition_id), sf::text_or_null(sheet.elector_number),
         sql_text(std::string(to_string(sheet.channel))), sf::optional_int(sheet.place_id),
         sheet.rejection ? SqlValue(std::string(to_string(*sheet.rejection))) : SqlValue(nullptr),
         sql_text(sheet.identity_evidence), sql_text(sheet.proxy_name), sql_text(sheet.proxy_address),
         sf::boolean(sheet.official_mark), sf::optional_boolean(sheet.date_of_birth_matched),
         sf::optional_boolean(sheet.signature_matched), sql_text(sheet.receipt),
         sf::optional_int(sheet.recorded_by), sql_text(sheet.recorded_at), sql_text(sheet.received_on)});
    // No elector number in the message: error text can reach logs, and who signed is secret.
    if (rows.empty()) {
      throw Error(ErrorKind::conflict, "already signed", SourceLocation{"signature", 0, 0, "elector_number"});
    }
    return rows[0].integer(0);
  });
}

std::optional<SignatureSheet> SqlPetitionStore::find_signature(std::int64_t petition_id,
                                                               const std::string& elector_number) {
  return session_.with([&](SqlConnection& db) -> std::optional<SignatureSheet> {
    const SqlRows rows =
        db.query(fmt::format("SELECT {} FROM signatures WHERE petition_id = $1 AND elector_number = $2",
                             signature_columns),
                 {sql_int(petition_id), sql_text(elector_number)});
    if (rows.empty()) return std::nullopt;
    return read_signature(rows[0]);
  });
}

std::vector<SignatureSheet> SqlPetitionStore::list_signatures(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<SignatureSheet> out;
    for (const SqlRow& row : db.query(
             fmt::format("SELECT {} FROM signatures WHERE petition_id = $1 ORDER BY id", signature_columns),
             {sql_int(petition_id)})) {
      out.push_back(read_signature(row));
    }
    return out;
  });
}

std::int64_t SqlPetitionStore::add_double_signing_attempt(const DoubleSigningAttempt& attempt) {
  validate(attempt);
  return session_.with([&](SqlConnection& db) {
    require_petition_references(db,
                                {attempt.petition_id, attempt.place_id, attempt.recorded_by, "recorded_by"},
                                "double_signing_attempt");
    return db
        .query(
            "INSERT INTO double_signing_attempts (petition_id, elector_number, channel, place_id, "
            "recorded_by,"
            " recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {sql_int(attempt.petition_id), sql_text(attempt.elector_number),
             sql_text(std::string(to_string(attempt.channel))), sf::optional_int(attempt.place_id),
             sf::optional_int(attempt.recorded_by), sql_text(attempt.recorded_at)})
        .at(0)
        .integer(0);
  });
}

void SqlPetitionStore::add_double_signing_attempt_if_signed(const DoubleSigningAttempt& attempt) {
  validate(attempt);
  session_.with([&](SqlConnection& db) {
    require_petition_references(db,
                                {attempt.petition_id, attempt.place_id, attempt.recorded_by, "recorded_by"},
                                "double_signing_attempt");
    db.execute(
        "INSERT INTO double_signing_attempts (petition_id, elector_number, channel, place_id, recorded_by,"
        " recorded_at) SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS BIGINT),"
        " CAST($5 AS BIGINT), CAST($6 AS TEXT) WHERE EXISTS (SELECT 1 FROM signatures"
        " WHERE petition_id = CAST($1 AS BIGINT) AND elector_number = CAST($2 AS TEXT))",
        {sql_int(attempt.petition_id), sql_text(attempt.elector_number),
         sql_text(std::string(to_string(attempt.channel))), sf::optional_int(attempt.place_id),
         sf::optional_int(attempt.recorded_by), sql_text(attempt.recorded_at)});
  });
}

std::vector<DoubleSigningAttempt> SqlPetitionStore::list_double_signing_attempts(std::int64_t petition_id) {
  return session_.with([&](SqlConnection& db) {
    std::vector<DoubleSigningAttempt> out;
    for (const SqlRow& row :
         db.query(fmt::format("SELECT {} FROM double_signing_attempts WHERE petition_id = $1 ORDER BY id",
                              attempt_columns),
                  {sql_int(petition_id)})) {
      out.push_back({row.integer(0), row.integer(1), row.text(2), read_channel(row, 3),
                     sf::read_optional_int(row, 4), sf::read_optional_int(row, 5), row.text(6)});
    }
    return out;
  });
}

}  // namespace recall
