#include "store/migration.hpp"

#include <map>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "store/sql_connection.hpp"

namespace recall {

namespace {

struct AppliedMigration {
  std::string name;
  std::string checksum;
};

// The embedded list is generated from file names; a gap or duplicate means a file was misnamed.
void check_sequence(std::span<const Migration> migrations) {
  int expected = 1;
  for (const Migration& migration : migrations) {
    if (migration.version != expected) {
      throw Error(ErrorKind::internal,
                  fmt::format("embedded migrations must be numbered 1, 2, 3… without gaps: found {} where {} was expected",
                              describe(migration), expected));
    }
    ++expected;
  }
}

std::map<int, AppliedMigration> read_applied(SqlConnection& db) {
  std::map<int, AppliedMigration> applied;
  for (const SqlRow& row : db.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version", {})) {
    applied[static_cast<int>(row.integer(0))] = AppliedMigration{row.text(1), row.text(2)};
  }
  return applied;
}

void verify_applied(const Migration& migration, const AppliedMigration& applied) {
  if (applied.checksum != migration.checksum) {
    throw Error(ErrorKind::conflict,
                fmt::format("migration {} was changed after it was applied to this database "
                            "(recorded checksum {}, this build has {}); add a new migration instead of editing an applied one",
                            describe(migration), applied.checksum, migration.checksum));
  }
}

void verify_known(std::span<const Migration> migrations, const std::map<int, AppliedMigration>& applied) {
  for (const auto& [version, row] : applied) {
    if (version < 1 || static_cast<std::size_t>(version) > migrations.size()) {
      throw Error(ErrorKind::conflict,
                  fmt::format("the database has migration {:04}_{} applied, which this build does not know "
                              "(it knows up to {}); run a newer build",
                              version, row.name, migrations.size()));
    }
    verify_applied(migrations[static_cast<std::size_t>(version - 1)], row);
  }
}

// Applies one migration in its own transaction, unless another process got there first.
void apply_one(SqlConnection& db, const Migration& migration) {
  db.begin();
  try {
    auto existing = db.query("SELECT name, checksum FROM schema_migrations WHERE version = $1", {sql_int(migration.version)});
    if (!existing.empty()) {
      verify_applied(migration, AppliedMigration{existing[0].text(0), existing[0].text(1)});
    } else {
      try {
        db.execute_script(migration.sql);
      } catch (const Error& error) {
        throw Error(error.kind(), fmt::format("migration {} failed: {}", describe(migration), error.message()));
      }
      db.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                 {sql_int(migration.version), sql_text(std::string(migration.name)),
                  sql_text(std::string(migration.checksum))});
    }
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
}

class MigrationLock {
 public:
  explicit MigrationLock(SqlConnection& db) : db_(db) { db_.lock_migrations(); }
  ~MigrationLock() { db_.unlock_migrations(); }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  SqlConnection& db_;
};

}  // namespace

std::string describe(const Migration& migration) { return fmt::format("{:04}_{}", migration.version, migration.name); }

void apply_migrations(SqlConnection& db, std::span<const Migration> migrations) {
  check_sequence(migrations);
  MigrationLock lock(db);
  db.begin();
  try {
    db.execute_script(db.migrations_table_ddl());
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
  auto applied = read_applied(db);
  verify_known(migrations, applied);
  for (const Migration& migration : migrations) {
    if (!applied.contains(migration.version)) apply_one(db, migration);
  }
}

int applied_schema_version(SqlConnection& db) {
  auto rows = db.query("SELECT MAX(version) FROM schema_migrations", {});
  if (rows.empty() || rows[0].is_null(0)) return 0;
  return static_cast<int>(rows[0].integer(0));
}

}  // namespace recall
