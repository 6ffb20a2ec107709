#pragma once
// What a PostgreSQL connection URL points at, for error messages that name the server but never
// the password.
#include <string>
#include <string_view>

namespace recall {

struct PostgresTarget {
  std::string host;      // "127.0.0.1", or "(local socket)" when none is given
  std::string port;      // "5432" when none is given
  std::string database;  // empty: libpq's default (the user name)
  std::string user;
  std::string password;  // kept only to scrub it from messages
  [[nodiscard]] std::string describe() const;  // "127.0.0.1:5432/recall as user recall"
};

bool is_postgres_url(std::string_view url);  // "postgresql://…" or "postgres://…"

// Parses with libpq's own parser; throws Error(invalid_input) naming the problem (and the URL with
// its password replaced by "***").
PostgresTarget parse_postgres_url(const std::string& url);

// `text` with every occurrence of the password, and any "user:password@" in a URL, replaced by ***.
std::string redact_password(std::string text, const std::string& password);

}  // namespace recall
