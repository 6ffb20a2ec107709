#include "store/sql_session_store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

[[noreturn]] void invalid_session(std::string message, const char* field) {
  throw_invalid(std::move(message), SourceLocation{"session", 0, 0, field});
}

void check_hash(const std::string& token_hash) {
  const bool hex = std::all_of(token_hash.begin(), token_hash.end(),
                               [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (token_hash.size() != 64 || !hex)
    invalid_session("a session is keyed by a 64-character SHA-256 hex digest", "token_hash");
}

std::int64_t count_of(const SqlRows& rows) { return static_cast<std::int64_t>(rows.size()); }

}  // namespace

void SqlSessionStore::create_session(const SessionRecord& session) {
  check_hash(session.token_hash);
  if (session.csrf_token.empty()) invalid_session("a session needs a CSRF token", "csrf_token");
  if (session.last_seen_at < session.created_at || session.expires_at <= session.created_at) {
    invalid_session("a session must be last seen after it starts and expire after that", "expires_at");
  }
  session_.with([&](SqlConnection& db) {
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, csrf_token) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {sql_text(session.token_hash), sql_int(session.user_id), sql_int(session.created_at),
         sql_int(session.last_seen_at), sql_int(session.expires_at), sql_text(session.csrf_token)});
  });
}

std::optional<SessionRecord> SqlSessionStore::find_session(const std::string& token_hash) {
  return session_.with([&](SqlConnection& db) -> std::optional<SessionRecord> {
    auto rows = db.query(
        "SELECT token_hash, user_id, created_at, last_seen_at, expires_at, csrf_token FROM sessions "
        "WHERE token_hash = $1",
        {sql_text(token_hash)});
    if (rows.empty()) return std::nullopt;
    const SqlRow& row = rows[0];
    return SessionRecord{row.text(0),    row.integer(1), row.integer(2),
                         row.integer(3), row.integer(4), row.text(5)};
  });
}

void SqlSessionStore::touch_session(const std::string& token_hash, std::int64_t last_seen_at) {
  session_.with([&](SqlConnection& db) {
    // Never moves backwards, so a slow request finishing late cannot shorten a newer one's idle time.
    db.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at < $1",
               {sql_int(last_seen_at), sql_text(token_hash)});
  });
}

bool SqlSessionStore::revoke_session(const std::string& token_hash) {
  return session_.with([&](SqlConnection& db) {
    return !db.query("DELETE FROM sessions WHERE token_hash = $1 RETURNING token_hash",
                     {sql_text(token_hash)})
                .empty();
  });
}

std::int64_t SqlSessionStore::revoke_user_sessions(std::int64_t user_id) {
  return session_.with([&](SqlConnection& db) {
    return count_of(
        db.query("DELETE FROM sessions WHERE user_id = $1 RETURNING token_hash", {sql_int(user_id)}));
  });
}

std::int64_t SqlSessionStore::delete_expired_sessions(std::int64_t now, std::int64_t idle_seconds) {
  if (idle_seconds <= 0) invalid_session("the idle limit must be positive", "idle_seconds");
  return session_.with([&](SqlConnection& db) {
    return count_of(
        db.query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING token_hash",
                 {sql_int(now), sql_int(now - idle_seconds)}));
  });
}

}  // namespace recall
