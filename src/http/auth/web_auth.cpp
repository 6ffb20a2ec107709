#include "http/auth/web_auth.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/csrf.hpp"
#include "core/auth/password.hpp"
#include "core/auth/role.hpp"
#include "core/auth/session_cookie.hpp"
#include "core/auth/token.hpp"
#include "core/base/error.hpp"

namespace recall::http {

namespace {

// Sessions are touched at most once a minute: the idle limit is 30 minutes, and a write per page
// view would make every click a database write.
constexpr std::int64_t touch_interval_seconds = 60;

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Checking a password against this hash when no account matches takes as long as a real check, so
// the time taken does not tell which email addresses have accounts.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password that matches no account");
  return hash;
}

Actor actor_of(const UserRecord& user, const std::string& remote_address) {
  Actor actor;
  actor.user_id = user.id;
  actor.email = user.email;
  actor.role = parse_role(user.role).value_or(Role::public_user);
  actor.duty = parse_duty(user.duty).value_or(Duty::none);
  actor.remote_address = remote_address;
  return actor;
}

Visitor public_visitor(const Request& request) { return Visitor{Actor::public_user(request.remote_address), {}, {}}; }

}  // namespace

WebAuth::WebAuth(Store& store, Clock clock, SessionLimits limits, RateLimits rate_limits)
    : store_(store),
      clock_(clock),
      limits_(limits),
      limiter_(clock, rate_limits),
      receipt_checks_(clock, RateLimits{receipt_checks_allowed, 15 * 60}) {}

Visitor WebAuth::visitor(const Request& request) {
  const auto header = request.header("cookie");
  if (!header) return public_visitor(request);
  const auto token = session_token_from_cookie_header(*header);
  if (!token) return public_visitor(request);
  const std::string hash = token_hash(*token);
  const auto session = store_.sessions().find_session(hash);
  if (!session) return public_visitor(request);
  const std::int64_t now = clock_();
  const SessionTimes times{session->created_at, session->last_seen_at, session->expires_at};
  if (!session_is_live(times, now, limits_)) return public_visitor(request);
  const auto user = store_.users().find_user(session->user_id);
  if (!user || user->disabled) return public_visitor(request);
  const Actor actor = actor_of(*user, request.remote_address);
  // An account whose role no longer parses (or was set to public) gets no more than the public.
  if (actor.role == Role::public_user) return public_visitor(request);
  if (now - session->last_seen_at >= touch_interval_seconds) store_.sessions().touch_session(hash, now);
  return Visitor{actor, session->csrf_token, hash};
}

std::optional<std::int64_t> WebAuth::retry_after(std::string_view email, std::string_view remote_address) {
  return limiter_.retry_after(lower_ascii(email), remote_address);
}

void WebAuth::count_receipt_check(const std::string& remote_address) {
  // Both of the limiter's keys are the address: there is no account behind a receipt check.
  const std::string key = "receipt-check:" + remote_address;
  if (const auto wait = receipt_checks_.retry_after(key, remote_address)) {
    throw Error(ErrorKind::rate_limited,
                fmt::format("Too many receipts checked from this address; try again in {} minutes", (*wait + 59) / 60),
                SourceLocation{"form", 0, 0, "code"});
  }
  receipt_checks_.record_failure(key, remote_address);
}

WebAuth::SignIn WebAuth::sign_in(std::string_view email, std::string_view password,
                                 const std::string& remote_address) {
  const std::string account = lower_ascii(email);
  limiter_.check(account, remote_address);

  const auto user = email.empty() ? std::nullopt : store_.users().find_user_by_email(std::string(email));
  const bool matched = user ? verify_password(user->password_hash, password) : verify_password(decoy_hash(), password);
  if (!user || !matched || user->disabled) {
    limiter_.record_failure(account, remote_address);
    Actor attempt = Actor::public_user(remote_address);
    attempt.email = std::string(email.substr(0, 254));
    const char* reason = !user ? "unknown-account" : (!matched ? "wrong-password" : "disabled");
    audit(attempt, "user.login-failed", attempt.email, nlohmann::json{{"reason", reason}}.dump());
    throw Error(ErrorKind::unauthenticated, std::string(wrong_credentials_message),
                SourceLocation{"form", 0, 0, "email"});
  }
  limiter_.record_success(account);

  const Actor actor = actor_of(*user, remote_address);
  if (actor.role == Role::public_user) {
    throw Error(ErrorKind::unauthenticated, std::string(wrong_credentials_message),
                SourceLocation{"form", 0, 0, "email"});
  }
  const std::int64_t now = clock_();
  const std::string token = new_random_token();
  const SessionTimes times = new_session_times(now, limits_);
  SessionRecord session{token_hash(token), user->id, times.created_at, times.last_seen_at, times.expires_at,
                        new_csrf_token()};
  store_.transaction([&] {
    if (password_needs_rehash(user->password_hash)) store_.users().set_password_hash(user->id, hash_password(password));
    store_.sessions().create_session(session);
    audit(actor, "user.login", user->email, "{}");
  });
  return SignIn{Visitor{actor, session.csrf_token, session.token_hash},
                session_cookie(token, times.expires_at - times.created_at)};
}

std::string WebAuth::sign_out(const Visitor& visitor) {
  if (visitor.signed_in()) {
    store_.transaction([&] {
      store_.sessions().revoke_session(visitor.session_hash);
      audit(visitor.actor, "user.logout", visitor.actor.email, "{}");
    });
  }
  return clear_session_cookie();
}

void WebAuth::audit(const Actor& actor, std::string action, std::string target, std::string detail) {
  AuditEntry entry;
  entry.at = format_utc_timestamp(clock_());
  entry.actor_user_id = actor.user_id;
  entry.actor_email = actor.email;
  entry.role = std::string(to_string(actor.role));
  entry.action = std::move(action);
  entry.target = std::move(target);
  entry.detail = std::move(detail);
  entry.remote_address = actor.remote_address;
  store_.audit().append(entry);
}

}  // namespace recall::http
