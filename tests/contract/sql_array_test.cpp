// PostgreSQL array literals for unnest() parameters (store/sql_array.hpp).
#include <cstdint>

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

TEST(PostgresArrayLiteral, EscapesAtTheEdgesAndInARowAndTheWidestIntegers) {
  const SqlParams values{sql_text(R"("\)"), sql_text(R"(a\"b")"), sql_int(INT64_MIN), sql_int(INT64_MAX)};
  EXPECT_EQ(postgres_array_literal(values),
            R"({"\"\\","a\\\"b\"",-9223372036854775808,9223372036854775807})");
}

TEST(PostgresArrayLiteral, AnEmptyColumnIsAnEmptyArray) { EXPECT_EQ(postgres_array_literal({}), "{}"); }

}  // namespace recall::contract
