// The migration runner with migrations made up for the test, through the internal connection API.
#include <array>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"
#include "store/migration.hpp"
#include "store/open_connection.hpp"

namespace recall::contract {

namespace {

constexpr std::array<Migration, 2> good = {{
    {1, "create_widgets", "CREATE TABLE widgets (id INTEGER PRIMARY KEY, label TEXT NOT NULL)", "c1"},
    {2, "create_gadgets", "CREATE TABLE gadgets (id INTEGER PRIMARY KEY);\nINSERT INTO widgets (id, label) VALUES (1, 'first')",
     "c2"},
}};

constexpr std::array<Migration, 3> then_broken = {{
    good[0],
    good[1],
    {3, "half_broken", "CREATE TABLE sprockets (id INTEGER PRIMARY KEY);\nCREATE TABLE widgets (id INTEGER)", "c3"},
}};

}  // namespace

TEST_P(StoreContract, MigrationsRunInOrderAndOnlyOnce) {
  auto db = open_connection(database().url());
  apply_migrations(*db, good);
  EXPECT_EQ(applied_schema_version(*db), 2);
  apply_migrations(*db, good);  // a second run finds nothing to do (the INSERT would otherwise clash)
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM widgets", {}).at(0).integer(0), 1);
}

TEST_P(StoreContract, FailedMigrationRollsBackAndNamesItself) {
  auto db = open_connection(database().url());
  try {
    apply_migrations(*db, then_broken);
    FAIL() << "migration 3 creates a table that exists";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("0003_half_broken"), std::string::npos) << error.message();
  }
  EXPECT_EQ(applied_schema_version(*db), 2) << "migrations 1 and 2 committed before 3 failed";
  // The first statement of migration 3 went with it.
  EXPECT_THROW(db->query("SELECT COUNT(*) FROM sprockets", {}), Error);
}

TEST_P(StoreContract, MigrationsNumberedWithAGapAreRefused) {
  auto db = open_connection(database().url());
  const std::array<Migration, 2> gap = {{good[0], {3, "skipped_two", "SELECT 1", "c3"}}};
  EXPECT_THROW(apply_migrations(*db, gap), Error);
}

}  // namespace recall::contract
