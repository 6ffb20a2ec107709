#include "store/postgres/postgres_url.hpp"

#include <libpq-fe.h>

#include <memory>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

// "scheme://user:secret@host" -> "scheme://user:***@host", without needing a parse that succeeded.
std::string redact_url_userinfo(std::string text) {
  std::size_t search_from = 0;
  while (true) {
    const std::size_t scheme = text.find("://", search_from);
    if (scheme == std::string::npos) return text;
    const std::size_t authority = scheme + 3;
    const std::size_t authority_end = text.find_first_of("/?# \t\n\"'", authority);
    const std::size_t at = text.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
    if (at != std::string::npos && at >= authority) {
      const std::size_t colon = text.find(':', authority);
      if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
    }
    search_from = authority;
  }
}

}  // namespace

std::string PostgresTarget::describe() const {
  std::string out = fmt::format("{}:{}", host, port);
  if (!database.empty()) out += "/" + database;
  if (!user.empty()) out += " as user " + user;
  return out;
}

bool is_postgres_url(std::string_view url) { return url.starts_with("postgresql://") || url.starts_with("postgres://"); }

std::string redact_password(std::string text, const std::string& password) {
  text = redact_url_userinfo(std::move(text));
  if (password.empty()) return text;
  std::size_t at = 0;
  while ((at = text.find(password, at)) != std::string::npos) {
    text.replace(at, password.size(), "***");
    at += 3;
  }
  return text;
}

PostgresTarget parse_postgres_url(const std::string& url) {
  char* raw_error = nullptr;
  PQconninfoOption* raw = PQconninfoParse(url.c_str(), &raw_error);
  std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> options(raw, PQconninfoFree);
  std::unique_ptr<char, void (*)(void*)> error(raw_error, PQfreemem);
  if (!options) {
    std::string detail = error ? std::string(error.get()) : std::string("out of memory");
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    throw Error(ErrorKind::invalid_input,
                fmt::format("invalid PostgreSQL URL '{}': {}", redact_url_userinfo(url), redact_url_userinfo(detail)),
                SourceLocation{"database URL", 0, 0, "url"});
  }
  PostgresTarget target;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "host" || (keyword == "hostaddr" && target.host.empty())) target.host = option->val;
    if (keyword == "port") target.port = option->val;
    if (keyword == "dbname") target.database = option->val;
    if (keyword == "user") target.user = option->val;
    if (keyword == "password") target.password = option->val;
  }
  if (target.host.empty()) target.host = "(local socket)";
  if (target.port.empty()) target.port = "5432";
  return target;
}

}  // namespace recall
