#include "store/sqlite/placeholders.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

[[noreturn]] void fail(std::string_view sql, std::size_t at, std::string_view what) {
  throw Error(ErrorKind::internal, fmt::format("{} at offset {} of SQL: {}", what, at, sql));
}

// Copies a quoted run starting at `start` (on the opening quote); a doubled quote is an escape.
std::size_t copy_quoted(std::string_view sql, std::size_t start, std::string& out) {
  const char quote = sql[start];
  std::size_t i = start + 1;
  while (true) {
    if (i >= sql.size()) fail(sql, start, quote == '\'' ? "unterminated string literal" : "unterminated quoted identifier");
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      ++i;
      break;
    }
    ++i;
  }
  out.append(sql.substr(start, i - start));
  return i;
}

}  // namespace

std::string to_sqlite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      i = copy_quoted(sql, i, out);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      end = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      std::size_t end = sql.find("*/", i + 2);
      if (end == std::string_view::npos) fail(sql, i, "unterminated comment");
      out.append(sql.substr(i, end + 2 - i));
      i = end + 2;
    } else if (c == '$') {
      std::size_t j = i + 1;
      while (j < sql.size() && is_digit(sql[j])) ++j;
      if (j == i + 1 || sql[i + 1] == '0') fail(sql, i, "'$' must be followed by a parameter number from 1");
      out.push_back('?');
      out.append(sql.substr(i + 1, j - i - 1));
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace recall
