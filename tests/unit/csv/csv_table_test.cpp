// Header-mapped tables: finding columns, field counts and typed values, with errors that say where.
#include <gtest/gtest.h>

#include <sstream>

#include "core/csv/csv_table.hpp"

namespace recall {
namespace {

Error error_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected an Error";
  return Error(ErrorKind::internal, "none");
}

TEST(CsvTable, FindsColumnsByNameIgnoringCaseAndBlanks) {
  std::istringstream in("\xEF\xBB\xBF Id ,Name,Votes\r\nE1,Streatham,123\r\n\r\nE2,\"Ynys M\xC3\xB4n\",-4\r\n");
  CsvTable table(in, "seats.csv");
  EXPECT_EQ(table.column("id"), 0u);
  EXPECT_EQ(table.column("NAME"), 1u);
  EXPECT_FALSE(table.find_column("missing"));
  ASSERT_TRUE(table.next_row());
  EXPECT_EQ(table.text(1), "Streatham");
  EXPECT_EQ(table.integer(2), 123);
  EXPECT_EQ(table.line(), 2);
  ASSERT_TRUE(table.next_row());  // the blank line is skipped
  EXPECT_EQ(table.line(), 4);
  EXPECT_EQ(table.text(1), "Ynys M\xC3\xB4n");
  EXPECT_EQ(table.integer(2), -4);
  EXPECT_FALSE(table.next_row());
}

TEST(CsvTable, MissingColumnNamesTheColumnAndFile) {
  std::istringstream in("a,b\n1,2\n");
  CsvTable table(in, "x.csv");
  const auto error = error_of([&] { (void)table.column("electorate"); });
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->file, "x.csv");
  EXPECT_EQ(error.where()->line, 1);
  EXPECT_EQ(error.where()->field, "electorate");
  EXPECT_NE(error.message().find("missing column"), std::string::npos);
}

TEST(CsvTable, TooFewFieldsNamesTheFirstMissingColumn) {
  std::istringstream in("a,b,c\n1,2,3\n4,5\n");
  CsvTable table(in, "x.csv");
  ASSERT_TRUE(table.next_row());
  const auto error = error_of([&] { table.next_row(); });
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 3);
  EXPECT_EQ(error.where()->column, 4);
  EXPECT_EQ(error.where()->field, "c");
  EXPECT_NE(error.message().find("expected 3"), std::string::npos);
}

TEST(CsvTable, TooManyFieldsPointsAtTheFirstExtraField) {
  std::istringstream in("a,b\n1,2,3\n");
  CsvTable table(in, "x.csv");
  const auto error = error_of([&] { table.next_row(); });
  EXPECT_EQ(error.where()->line, 2);
  EXPECT_EQ(error.where()->column, 5);
}

TEST(CsvTable, BadNumberNamesLineColumnAndField) {
  std::istringstream in("name,electorate\n\"Multi\nline\",12x\n");
  CsvTable table(in, "r.csv");
  ASSERT_TRUE(table.next_row());
  const auto error = error_of([&] { (void)table.integer(table.column("electorate")); });
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 3);
  EXPECT_EQ(error.where()->column, 7);
  EXPECT_EQ(error.where()->field, "electorate");
  EXPECT_EQ(std::string(error.what()), "r.csv:3:7 (field electorate): expected a whole number, found \"12x\"");
}

TEST(CsvTable, EmptyNumberIsAnError) {
  std::istringstream in("n\n\"\"\n");
  CsvTable table(in, "r.csv");
  ASSERT_TRUE(table.next_row());
  EXPECT_THROW((void)table.integer(0), Error);
}

TEST(CsvTable, EmptyFileHasNoHeader) {
  std::istringstream in("\n\n");
  const auto error = error_of([&] { CsvTable table(in, "empty.csv"); });
  EXPECT_EQ(error.where()->file, "empty.csv");
}

TEST(ParseInteger, Whole) {
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("+7"), 7);
  EXPECT_EQ(parse_integer("-3"), -3);
  EXPECT_FALSE(parse_integer(""));
  EXPECT_FALSE(parse_integer("1.5"));
  EXPECT_FALSE(parse_integer("1,000"));
  EXPECT_FALSE(parse_integer("99999999999999999999999"));
}

}  // namespace
}  // namespace recall
