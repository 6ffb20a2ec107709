// SqlConnection::query_all and the transaction around it, on each backend: statements run in order
// and each one's rows come back; a failure stops the rest and leaves the rows before it to read; and
// PostgreSQL's BEGIN, which waits to go with a transaction's first statement, leaves an empty
// transaction, one whose first statement fails and one rolled back as they were; a connection the
// server ended fails the statement, and the next transaction connects afresh.
#include "contract/store_contract.hpp"
#include "core/base/error.hpp"
#include "store/open_connection.hpp"

namespace recall::contract {

namespace {

std::unique_ptr<SqlConnection> with_table(const std::string& url) {
  auto db = open_connection(url);
  db->execute("CREATE TABLE kept (k text PRIMARY KEY, v bigint NOT NULL)");
  return db;
}

std::int64_t value_of(SqlConnection& db, const std::string& key) {
  const SqlRows rows = db.query("SELECT v FROM kept WHERE k = $1", {sql_text(key)});
  return rows.empty() ? -1 : rows.at(0).integer(0);
}

}  // namespace

TEST_P(StoreContract, QueryAllRunsItsStatementsInOrderInTheTransaction) {
  auto db = with_table(database().url());
  db->begin();
  const std::vector<SqlStatement> statements{
      {"INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(1)}},
      {"UPDATE kept SET v = v + $1 WHERE k = $2", {sql_int(10), sql_text("a")}},
      {"SELECT k, v FROM kept ORDER BY k", {}},
  };
  const SqlResults results = db->query_all(statements);
  EXPECT_FALSE(results.failure);
  ASSERT_EQ(results.rows.size(), 3U);
  EXPECT_TRUE(results.rows[0].empty());
  ASSERT_EQ(results.rows[2].size(), 1U);
  EXPECT_EQ(results.rows[2][0].text(0), "a");
  EXPECT_EQ(results.rows[2][0].integer(1), 11) << "each statement sees the ones before it";
  db->commit();
  EXPECT_EQ(value_of(*db, "a"), 11);
  EXPECT_TRUE(db->query_all({}).rows.empty());
}

TEST_P(StoreContract, QueryAllStopsAtAFailureAndKeepsTheRowsBeforeIt) {
  auto db = with_table(database().url());
  db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(1)});
  db->begin();
  const std::vector<SqlStatement> statements{
      {"SELECT v FROM kept WHERE k = $1", {sql_text("a")}},
      {"INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(2)}},
      {"INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("b"), sql_int(3)}},
  };
  const SqlResults results = db->query_all(statements);
  ASSERT_EQ(results.rows.size(), 1U) << "the rows of the statement before the failure only";
  EXPECT_EQ(results.rows[0].at(0).integer(0), 1);
  ASSERT_TRUE(results.failure);
  try {
    results.rethrow_failure();
    FAIL() << "the failure was not rethrown";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::conflict) << error.what();
  }
  db->rollback();
  EXPECT_EQ(value_of(*db, "b"), -1) << "the statement after the failure did not run";
  EXPECT_EQ(value_of(*db, "a"), 1);

  // A statement that cannot even be prepared fails the same way, before any of them runs.
  db->begin();
  const std::vector<SqlStatement> unpreparable{
      {"INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("c"), sql_int(4)}},
      {"SELECT nothing FROM no_such_table", {}},
  };
  const SqlResults refused = db->query_all(unpreparable);
  EXPECT_TRUE(refused.failure);
  db->rollback();
  EXPECT_EQ(value_of(*db, "c"), -1);
}

TEST_P(StoreContract, TransactionsWithNothingOrAFailedFirstStatementLeaveTheConnectionUsable) {
  auto db = with_table(database().url());
  db->begin();
  db->commit();
  db->begin();
  db->rollback();

  db->begin();
  EXPECT_THROW(db->query("SELECT nothing FROM no_such_table", {}), Error);
  db->rollback();

  db->begin();
  db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(1)});
  EXPECT_THROW(db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(2)}), Error);
  db->rollback();
  EXPECT_EQ(value_of(*db, "a"), -1) << "the first statement went with the transaction";

  db->begin();
  db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(5)});
  db->commit();
  EXPECT_EQ(value_of(*db, "a"), 5);
}

TEST_P(StoreContract, AStatementOnADroppedConnectionFailsAndTheNextTransactionReconnects) {
  if (GetParam() != Backend::postgresql) GTEST_SKIP() << "a PostgreSQL server ends connections";
  auto db = with_table(database().url());
  // Prepared before the server ends the connection, so what fails is the pipeline, not PQprepare.
  db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("z"), sql_int(0)});
  const std::int64_t pid = db->query("SELECT pg_backend_pid()", {}).at(0).integer(0);
  auto admin = open_connection(database().url());
  admin->query("SELECT pg_terminate_backend($1::integer, 5000)", {sql_int(pid)});

  db->begin();
  try {
    db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(1)});
    FAIL() << "a statement ran on a connection the server ended";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::unavailable) << error.what();
  }
  db->rollback();

  db->begin();
  db->execute("INSERT INTO kept (k, v) VALUES ($1, $2)", {sql_text("a"), sql_int(2)});
  db->commit();
  EXPECT_EQ(value_of(*db, "a"), 2);
  EXPECT_NE(db->query("SELECT pg_backend_pid()", {}).at(0).integer(0), pid);
}

}  // namespace recall::contract
