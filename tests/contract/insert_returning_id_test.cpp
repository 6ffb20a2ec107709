// SqlConnection::insert_returning_id on each backend: the new row's id, or nothing on a conflict
// (SQLite reads it from the connection, PostgreSQL appends RETURNING id).
#include "contract/store_contract.hpp"
#include "store/open_connection.hpp"

namespace recall::contract {

TEST_P(StoreContract, InsertReturningIdNamesTheNewRowOrNothing) {
  auto db = open_connection(database().url());
  db->execute(db->backend() == "postgresql"
                  ? "CREATE TABLE keyed (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k text UNIQUE)"
                  : "CREATE TABLE keyed (id INTEGER PRIMARY KEY, k TEXT UNIQUE)");
  const std::string insert = "INSERT INTO keyed (k) VALUES ($1) ON CONFLICT (k) DO NOTHING";
  const auto first = db->insert_returning_id(insert, {sql_text("a")});
  const auto second = db->insert_returning_id(insert, {sql_text("b")});
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);
  EXPECT_EQ(db->query("SELECT k FROM keyed WHERE id = $1", {sql_int(*second)}).at(0).text(0), "b");
  EXPECT_FALSE(db->insert_returning_id(insert, {sql_text("a")})) << "a conflict is not the last row's id";
  EXPECT_FALSE(db->insert_returning_id(insert, {sql_text("b")}));
  const auto third = db->insert_returning_id(insert, {sql_text("c")});
  ASSERT_TRUE(third);
  EXPECT_EQ(db->query("SELECT k FROM keyed WHERE id = $1", {sql_int(*third)}).at(0).text(0), "c");
  db->execute("DROP TABLE keyed");
}

}  // namespace recall::contract
