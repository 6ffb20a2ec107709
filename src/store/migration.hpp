#pragma once
// Versioned schema migrations, one list per backend, embedded at build time from
// src/store/migrations/<backend>/NNNN_<name>.sql by migrations/embed_migrations.cmake.
#include <span>
#include <string>
#include <string_view>

namespace recall {

struct Migration {
  int version;                // NNNN from the file name
  std::string_view name;      // <name> from the file name
  std::string_view sql;       // the file's text, run as one script in its own transaction
  std::string_view checksum;  // SHA-256 (hex) of the text, recorded when applied
};

// Sorted by version (generated code).
std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

class SqlConnection;

// Applies every pending migration in order, each in its own transaction, recording it in
// schema_migrations. Throws Error(conflict) when an applied migration's checksum differs from the
// embedded one, or when the database has a version this build does not know. Safe when several
// processes open the same database at once (the connection's migration lock serialises them).
void apply_migrations(SqlConnection& db, std::span<const Migration> migrations);

// Highest applied version, 0 when none.
int applied_schema_version(SqlConnection& db);

// "0001_reference_data"
std::string describe(const Migration& migration);

}  // namespace recall
