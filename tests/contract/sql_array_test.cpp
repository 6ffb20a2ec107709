// PostgreSQL array literals for unnest() parameters (store/sql_array.hpp).
#include <gtest/gtest.h>

#include "store/sql_array.hpp"

namespace recall::contract {

TEST(PostgresArrayLiteral, NullsIntegersAndQuotedText) {
  const SqlParams values{nullptr, sql_int(-42), sql_text("plain"), sql_text("")};
  EXPECT_EQ(postgres_array_literal(values), R"({NULL,-42,"plain",""})");
}

TEST(PostgresArrayLiteral, QuotesAndBackslashesAreEscapedAndTheWordNullStaysText) {
  const SqlParams values{sql_text(R"(say "hi")"), sql_text(R"(\x00ff)"), sql_text("NULL"), sql_text("a,b{c}")};
  EXPECT_EQ(postgres_array_literal(values), R"({"say \"hi\"","\\x00ff","NULL","a,b{c}"})");
}

TEST(PostgresArrayLiteral, AnEmptyColumnIsAnEmptyArray) { EXPECT_EQ(postgres_array_literal({}), "{}"); }

}  // namespace recall::contract
