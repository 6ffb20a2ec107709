#pragma once
// SQL is written once with PostgreSQL's $1..$N placeholders. SQLite would read "$2" as a *named*
// parameter (numbered by first appearance, not by its digits), so the SQLite connection rewrites
// each $N to ?N, which SQLite binds at index N.
#include <string>
#include <string_view>

namespace recall {

// Rewrites $N outside string literals, quoted identifiers and comments. Throws Error(internal) on
// an unterminated literal or comment, or a '$' not followed by digits.
std::string to_sqlite_placeholders(std::string_view sql);

}  // namespace recall
