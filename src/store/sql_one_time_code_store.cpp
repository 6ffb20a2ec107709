#include "store/sql_one_time_code_store.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_fields.hpp"

namespace recall {

namespace {

namespace sf = sql_fields;
constexpr std::string_view file = "one_time_code";

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void validate(const OneTimeCode& code) {
  sf::require_text(code.elector_number, file, "elector_number");
  if (!is_sha256_hex(code.code_hash)) {
    throw_invalid("code_hash must be 64 lowercase hex digits (SHA-256)",
                  SourceLocation{std::string(file), 0, 0, "code_hash"});
  }
  sf::require_text(code.email, file, "email");
  if (code.failed_attempts < 0) {
    throw_invalid("failed_attempts must not be negative",
                  SourceLocation{std::string(file), 0, 0, "failed_attempts"});
  }
}

}  // namespace

void SqlOneTimeCodeStore::put_code(const OneTimeCode& code) {
  validate(code);
  session_.with([&](SqlConnection& db) {
    if (db.query("SELECT id FROM petitions WHERE id = $1", {sql_int(code.petition_id)}).empty()) {
      throw_not_found(fmt::format("no petition with id {}", code.petition_id));
    }
    // One statement, so two requests for a code at once leave exactly one of them.
    db.execute(
        "INSERT INTO one_time_codes (petition_id, elector_number, code_hash, email, expires_at, "
        "failed_attempts)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (petition_id, elector_number) DO UPDATE SET"
        " code_hash = excluded.code_hash, email = excluded.email, expires_at = excluded.expires_at,"
        " failed_attempts = excluded.failed_attempts",
        {sql_int(code.petition_id), sql_text(code.elector_number), sql_text(code.code_hash),
         sql_text(code.email), sql_int(code.expires_at), sql_int(code.failed_attempts)});
  });
}

std::optional<OneTimeCode> SqlOneTimeCodeStore::find_code(std::int64_t petition_id,
                                                          const std::string& elector_number) {
  return session_.with([&](SqlConnection& db) -> std::optional<OneTimeCode> {
    const SqlRows rows = db.query(
        "SELECT petition_id, elector_number, code_hash, email, expires_at, failed_attempts FROM "
        "one_time_codes"
        " WHERE petition_id = $1 AND elector_number = $2",
        {sql_int(petition_id), sql_text(elector_number)});
    if (rows.empty()) return std::nullopt;
    const SqlRow& row = rows[0];
    return OneTimeCode{row.integer(0), row.text(1),    row.text(2),
                       row.text(3),    row.integer(4), static_cast<int>(row.integer(5))};
  });
}

void SqlOneTimeCodeStore::record_failed_attempt(std::int64_t petition_id, const std::string& elector_number) {
  session_.with([&](SqlConnection& db) {
    // Incremented in the database, so concurrent wrong guesses all count.
    if (db.query("UPDATE one_time_codes SET failed_attempts = failed_attempts + 1"
                 " WHERE petition_id = $1 AND elector_number = $2 RETURNING failed_attempts",
                 {sql_int(petition_id), sql_text(elector_number)})
            .empty()) {
      throw_not_found("no one-time code for that elector");
    }
  });
}

void SqlOneTimeCodeStore::delete_code(std::int64_t petition_id, const std::string& elector_number) {
  session_.with([&](SqlConnection& db) {
    db.execute("DELETE FROM one_time_codes WHERE petition_id = $1 AND elector_number = $2",
               {sql_int(petition_id), sql_text(elector_number)});
  });
}

}  // namespace recall
