#include "store/sql_user_store.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr std::string_view columns = "id, email, role, duty, password_hash, created_at, disabled";

UserRecord read_user(const SqlRow& row) {
  return {row.integer(0), row.text(1),    row.text(2),        row.text(3),
          row.text(4),    row.integer(5), row.integer(6) != 0};
}

[[noreturn]] void invalid_user(std::string message, const char* field) {
  throw_invalid(std::move(message), SourceLocation{"user", 0, 0, field});
}

// The database's CHECKs say the same; checking here first names the field instead of a constraint.
void validate(const UserRecord& user) {
  const auto at = user.email.find('@');
  if (user.email.size() < 3 || user.email.size() > 254 || at == std::string::npos || at == 0 ||
      at + 1 == user.email.size() || user.email.find_first_of(" \t\r\n") != std::string::npos) {
    invalid_user(fmt::format("'{}' is not an email address", user.email), "email");
  }
  if (user.role != "petition-officer" && user.role != "staff" && user.role != "observer" &&
      user.role != "campaigner" && user.role != "moderator") {
    invalid_user(fmt::format("'{}' is not a role an account can have", user.role), "role");
  }
  if (user.duty != "" && user.duty != "signing-place-clerk" && user.duty != "postal-team") {
    invalid_user(fmt::format("'{}' is not a staff duty", user.duty), "duty");
  }
  if ((user.role == "staff") != !user.duty.empty())
    invalid_user("staff, and only staff, have a duty", "duty");
  if (user.password_hash.empty()) invalid_user("an account needs a password hash", "password_hash");
}

}  // namespace

std::int64_t SqlUserStore::add_user(const UserRecord& user) {
  validate(user);
  return session_.with([&](SqlConnection& db) {
    try {
      return db
          .query(
              "INSERT INTO users (email, role, duty, password_hash, created_at, disabled) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
              {sql_text(user.email), sql_text(user.role), sql_text(user.duty), sql_text(user.password_hash),
               sql_int(user.created_at), sql_int(user.disabled ? 1 : 0)})
          .at(0)
          .integer(0);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::conflict) throw;
      // The unique index on lower(email) is the only constraint an insert can conflict on.
      throw Error(ErrorKind::conflict, fmt::format("an account for {} already exists", user.email),
                  SourceLocation{"user", 0, 0, "email"});
    }
  });
}

std::optional<UserRecord> SqlUserStore::find_user(std::int64_t id) {
  return session_.with([&](SqlConnection& db) -> std::optional<UserRecord> {
    auto rows = db.query(fmt::format("SELECT {} FROM users WHERE id = $1", columns), {sql_int(id)});
    if (rows.empty()) return std::nullopt;
    return read_user(rows[0]);
  });
}

std::optional<UserRecord> SqlUserStore::find_user_by_email(const std::string& email) {
  return session_.with([&](SqlConnection& db) -> std::optional<UserRecord> {
    // Same expression as the unique index, so the index serves the lookup.
    auto rows = db.query(fmt::format("SELECT {} FROM users WHERE lower(email) = lower($1)", columns),
                         {sql_text(email)});
    if (rows.empty()) return std::nullopt;
    return read_user(rows[0]);
  });
}

std::vector<UserRecord> SqlUserStore::list_users() {
  return session_.with([&](SqlConnection& db) {
    std::vector<UserRecord> users;
    for (const SqlRow& row : db.query(fmt::format("SELECT {} FROM users ORDER BY id", columns), {})) {
      users.push_back(read_user(row));
    }
    return users;
  });
}

void SqlUserStore::set_password_hash(std::int64_t id, const std::string& password_hash) {
  if (password_hash.empty()) invalid_user("an account needs a password hash", "password_hash");
  session_.with([&](SqlConnection& db) {
    if (db.query("UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING id",
                 {sql_text(password_hash), sql_int(id)})
            .empty()) {
      throw_not_found(fmt::format("no account with id {}", id));
    }
  });
}

void SqlUserStore::set_disabled(std::int64_t id, bool disabled) {
  session_.with([&](SqlConnection& db) {
    if (db.query("UPDATE users SET disabled = $1 WHERE id = $2 RETURNING id",
                 {sql_int(disabled ? 1 : 0), sql_int(id)})
            .empty()) {
      throw_not_found(fmt::format("no account with id {}", id));
    }
  });
}

}  // namespace recall
