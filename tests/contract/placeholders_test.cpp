#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "store/sqlite/placeholders.hpp"

namespace recall::contract {

TEST(SqlitePlaceholders, NumberedParametersBecomeQuestionMarks) {
  EXPECT_EQ(to_sqlite_placeholders("SELECT a FROM t WHERE b = $2 AND c = $1 OR d = $12"),
            "SELECT a FROM t WHERE b = ?2 AND c = ?1 OR d = ?12");
}

TEST(SqlitePlaceholders, LiteralsIdentifiersAndCommentsAreLeftAlone) {
  EXPECT_EQ(to_sqlite_placeholders("SELECT '$1', 'it''s $2', \"col$3\" -- $4\nFROM t /* $5 */ WHERE x = $6"),
            "SELECT '$1', 'it''s $2', \"col$3\" -- $4\nFROM t /* $5 */ WHERE x = ?6");
}

TEST(SqlitePlaceholders, MalformedSqlIsAnError) {
  EXPECT_THROW(to_sqlite_placeholders("SELECT 'unterminated"), Error);
  EXPECT_THROW(to_sqlite_placeholders("SELECT /* open"), Error);
  EXPECT_THROW(to_sqlite_placeholders("SELECT $"), Error);
  EXPECT_THROW(to_sqlite_placeholders("SELECT $0"), Error);
  EXPECT_THROW(to_sqlite_placeholders("SELECT $name"), Error);
}

}  // namespace recall::contract
