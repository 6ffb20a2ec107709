#include <thread>
#include <vector>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"
#include "store/migration.hpp"
#include "store/open_connection.hpp"

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

TEST_P(StoreContract, SignaturesKeepEveryFieldThroughTheRebuildOfTheirTable) {
  // SQLite's 0015 rebuilds public_signatures to change a CHECK: every row and field is copied, the
  // indexes are made again, and the rule still holds.
  if (GetParam() == Backend::postgresql) GTEST_SKIP() << "PostgreSQL's 0015 changes nothing";
  auto db = open_connection(database().url());
  const auto all = sqlite_migrations();
  ASSERT_GE(all.size(), 15U);
  apply_migrations(*db, all.first(14));
  db->execute(
      "INSERT INTO public_petitions (id, action, background, details, state, sponsor_token_hash, created_at)"
      " VALUES (7, 'Call a by-election', '', '', 'open', randomblob(32), '2019-03-20T09:00:00Z')");
  const std::string columns =
      "id, petition_id, name, email, canonical_email, postcode, ons_code, ip, email_domain, uk_resident, "
      "sponsor,"
      " state, standing, suspect_reason, confirm_token_hash, created_at, confirmed_at, invalidated_at";
  db->execute(
      "INSERT INTO public_signatures (" + columns +
      ") VALUES (41, 7, 'A', 'a@example.org', 'a@example.org', 'PE1 1AA', 'E14000864', randomblob(16),"
      " 'example.org', 1, 0, 'confirmed', 'suspect', 'rate-limit', NULL, '2019-03-20T09:01:00Z',"
      " '2019-03-20T09:02:00Z', NULL)");
  db->execute(
      "INSERT INTO public_signatures (" + columns +
      ") VALUES (42, 7, 'B', 'B@example.org', 'b@example.org', 'PE1 1AB', NULL, NULL, 'example.org', 0, 1,"
      " 'pending', 'counted', NULL, randomblob(32), '2019-03-20T09:03:00Z', NULL, NULL)");
  db->execute(
      "INSERT INTO public_signatures (" + columns +
      ") VALUES (43, 7, NULL, NULL, NULL, NULL, 'E14000864', NULL, NULL, 1, 0, 'invalidated', 'counted',"
      " NULL, NULL, '2019-03-20T09:04:00Z', '2019-03-20T09:05:00Z', '2019-03-20T09:06:00Z')");
  const std::string every_field =
      "SELECT quote(id) || quote(petition_id) || quote(name) || quote(email) || quote(canonical_email) ||"
      " quote(postcode) || quote(ons_code) || quote(ip) || quote(email_domain) || quote(uk_resident) ||"
      " quote(sponsor) || quote(state) || quote(standing) || quote(suspect_reason) || "
      "quote(confirm_token_hash) ||"
      " quote(created_at) || quote(confirmed_at) || quote(invalidated_at) || quote(invalidation_id)"
      " FROM public_signatures ORDER BY id";
  const auto fields = [&] {
    std::vector<std::string> out;
    for (const SqlRow& row : db->query(every_field, {})) out.push_back(row.text(0));
    return out;
  };
  const std::vector<std::string> before = fields();
  ASSERT_EQ(before.size(), 3U);

  apply_migrations(*db, all);
  EXPECT_EQ(fields(), before);
  std::vector<std::string> indexes;
  for (const SqlRow& row : db->query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name ="
                                     " 'public_signatures' ORDER BY name",
                                     {}))
    indexes.push_back(row.text(0));
  EXPECT_EQ(indexes, (std::vector<std::string>{"public_signatures_by_ip", "public_signatures_by_time",
                                               "public_signatures_counted", "public_signatures_one_each"}));
  EXPECT_EQ(db->query("SELECT count(*) FROM public_signatures INDEXED BY public_signatures_counted"
                      " WHERE petition_id = 7 AND state = 'confirmed'",
                      {})
                .at(0)
                .integer(0),
            1);
  EXPECT_THROW(db->execute("UPDATE public_signatures SET state = 'withdrawn' WHERE id = 42"), Error);
  EXPECT_THROW(
      db->execute("INSERT INTO public_signatures (petition_id, uk_resident, state, standing, created_at)"
                  " VALUES (99, 1, 'pending', 'counted', '2019-03-20T09:07:00Z')"),
      Error)
      << "the petition still has to exist";
  EXPECT_TRUE(db->query("PRAGMA foreign_key_check", {}).empty());
  EXPECT_EQ(db->query("PRAGMA integrity_check", {}).at(0).text(0), "ok");
}

}  // namespace recall::contract
