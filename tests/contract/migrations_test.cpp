#include <thread>
#include <vector>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"
#include "store/migration.hpp"

namespace recall::contract {

namespace {

std::span<const Migration> embedded_for(const Store& store) {
  return store.backend() == "sqlite" ? sqlite_migrations() : postgres_migrations();
}

}  // namespace

TEST_P(StoreContract, MigrationsAreAppliedAndRecorded) {
  auto store = open();
  const auto migrations = embedded_for(*store);
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(store->schema_version(), migrations.back().version);
  EXPECT_EQ(store->backend(), GetParam() == Backend::postgresql ? "postgresql" : "sqlite");
  RECALL_REQUIRE_SHARED_DATABASE();
  EXPECT_EQ(database().scalar_raw("SELECT COUNT(*) FROM schema_migrations"), std::to_string(migrations.size()));
  for (const Migration& migration : migrations) {
    const std::string where = " FROM schema_migrations WHERE version = " + std::to_string(migration.version);
    EXPECT_EQ(database().scalar_raw("SELECT name" + where), std::string(migration.name));
    EXPECT_EQ(database().scalar_raw("SELECT checksum" + where), std::string(migration.checksum));
    EXPECT_TRUE(database().scalar_raw("SELECT applied_at" + where).has_value());
  }
}

TEST_P(StoreContract, ReopeningAppliesNothingAgain) {
  RECALL_REQUIRE_SHARED_DATABASE();
  std::string first_applied;
  {
    auto store = open();
    first_applied = database().scalar_raw("SELECT MIN(applied_at) FROM schema_migrations").value();
  }
  auto store = open();
  EXPECT_EQ(store->schema_version(), embedded_for(*store).back().version);
  EXPECT_EQ(database().scalar_raw("SELECT COUNT(*) FROM schema_migrations"), std::to_string(embedded_for(*store).size()));
  EXPECT_EQ(database().scalar_raw("SELECT MIN(applied_at) FROM schema_migrations"), first_applied);
}

TEST_P(StoreContract, ReopeningKeepsData) {
  RECALL_REQUIRE_SHARED_DATABASE();
  open()->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}});
  EXPECT_EQ(open()->postcodes().find_postcode("SW1A 1AA"), "E14000639");
}

TEST_P(StoreContract, ChangedChecksumOfAnAppliedMigrationIsAnError) {
  RECALL_REQUIRE_SHARED_DATABASE();
  open();
  database().execute_raw("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
  try {
    open();
    FAIL() << "opening a database whose migration 1 checksum differs should fail";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::conflict);
    EXPECT_NE(error.message().find("0001_reference_data"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("edited"), std::string::npos) << error.message();
  }
}

TEST_P(StoreContract, UnknownAppliedMigrationIsAnError) {
  RECALL_REQUIRE_SHARED_DATABASE();
  open();
  database().execute_raw(
      "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'abc')");
  try {
    open();
    FAIL() << "a database migrated by a newer build should be refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::conflict);
    EXPECT_NE(error.message().find("9999_from_the_future"), std::string::npos) << error.message();
  }
}

TEST_P(StoreContract, ConcurrentOpensMigrateOnce) {
  RECALL_REQUIRE_SHARED_DATABASE();
  constexpr int openers = 4;
  std::vector<std::thread> threads;
  std::vector<std::string> failures(openers);
  for (int i = 0; i < openers; ++i) {
    threads.emplace_back([&, i] {
      try {
        auto store = open();
        store->schema_version();
      } catch (const std::exception& error) {
        failures[static_cast<std::size_t>(i)] = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) EXPECT_EQ(failure, "");
  auto store = open();
  EXPECT_EQ(database().scalar_raw("SELECT COUNT(*) FROM schema_migrations"), std::to_string(embedded_for(*store).size()));
}

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGaps) {
  for (auto migrations : {sqlite_migrations(), postgres_migrations()}) {
    ASSERT_FALSE(migrations.empty());
    for (std::size_t i = 0; i < migrations.size(); ++i) {
      EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
      EXPECT_EQ(migrations[i].checksum.size(), 64u);
      EXPECT_FALSE(migrations[i].sql.empty());
    }
  }
  // Both backends carry the same schema history.
  ASSERT_EQ(sqlite_migrations().size(), postgres_migrations().size());
  for (std::size_t i = 0; i < sqlite_migrations().size(); ++i) {
    EXPECT_EQ(sqlite_migrations()[i].name, postgres_migrations()[i].name);
  }
}

}  // namespace recall::contract
