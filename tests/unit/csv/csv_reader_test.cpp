// The RFC 4180 reader: records, quoting, line endings, and errors with exact positions.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/csv/csv_reader.hpp"

namespace recall {
namespace {

struct Parsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::pair<int, int>>> positions;  // line, column of each field
};

Parsed parse(const std::string& text, CsvLimits limits = {}) {
  std::istringstream in(text);
  CsvReader reader(in, "test.csv", limits);
  CsvRecord record;
  Parsed parsed;
  while (reader.next(record)) {
    parsed.rows.emplace_back();
    parsed.positions.emplace_back();
    for (std::size_t i = 0; i < record.size(); ++i) {
      parsed.rows.back().push_back(record[i].text);
      parsed.positions.back().emplace_back(record[i].line, record[i].column);
    }
  }
  return parsed;
}

Error parse_error(const std::string& text, CsvLimits limits = {}) {
  try {
    parse(text, limits);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected an error for: " << text;
  return Error(ErrorKind::internal, "no error");
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, PlainRecords) {
  EXPECT_EQ(parse("a,b,c\n1,2,3\n").rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvReader, LastLineWithoutNewline) { EXPECT_EQ(parse("a,b\n1,2").rows, (Rows{{"a", "b"}, {"1", "2"}})); }

TEST(CsvReader, EmptyInputHasNoRecords) { EXPECT_TRUE(parse("").rows.empty()); }

TEST(CsvReader, EmptyFields) {
  EXPECT_EQ(parse(",\n,,x\n").rows, (Rows{{"", ""}, {"", "", "x"}}));
  EXPECT_EQ(parse("a,\n").rows, (Rows{{"a", ""}}));
}

TEST(CsvReader, CrLfAndLoneCrEndRecords) {
  EXPECT_EQ(parse("a,b\r\n1,2\r\n").rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(parse("a\rb\r").rows, (Rows{{"a"}, {"b"}}));
  const auto parsed = parse("a,b\r\n1,2\r\n3,4");
  EXPECT_EQ(parsed.positions[2][1], (std::pair{3, 3}));
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
  const auto parsed = parse("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,\"\"\n");
  EXPECT_EQ(parsed.rows, (Rows{{"a,b", "say \"hi\"", "two\nlines"}, {"next", ""}}));
  // The record after an embedded newline starts on line 3.
  EXPECT_EQ(parsed.positions[1][0], (std::pair{3, 1}));
  EXPECT_EQ(parsed.positions[0][2], (std::pair{1, 20}));
}

TEST(CsvReader, CrLfInsideQuotesIsKept) {
  EXPECT_EQ(parse("\"x\r\ny\",z\r\n").rows, (Rows{{"x\r\ny", "z"}}));
}

TEST(CsvReader, ByteOrderMarkIsSkippedAndNotCounted) {
  const auto parsed = parse("\xEF\xBB\xBFid,name\nE1,\xC3\xA9t\xC3\xA9,x\n");
  EXPECT_EQ(parsed.rows[0][0], "id");
  EXPECT_EQ(parsed.positions[0][0], (std::pair{1, 1}));
  EXPECT_EQ(parsed.positions[0][1], (std::pair{1, 4}));
  // Columns count characters, not bytes: "été" is three columns wide.
  EXPECT_EQ(parsed.positions[1][2], (std::pair{2, 8}));
}

TEST(CsvReader, BlankLinesAreRecordsWithOneEmptyField) {
  std::istringstream in("a\n\nb\n\n");
  CsvReader reader(in, "t.csv");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_FALSE(record.blank());
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.blank());
  EXPECT_EQ(record.line(), 2);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record[0].text, "b");
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.blank());
  EXPECT_FALSE(reader.next(record));
}

TEST(CsvReader, QuotedEmptyFieldIsNotBlank) {
  std::istringstream in("\"\"\n");
  CsvReader reader(in, "t.csv");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_FALSE(record.blank());
  EXPECT_TRUE(record[0].quoted);
}

TEST(CsvReader, UnterminatedQuotePointsAtTheOpeningQuote) {
  const auto error = parse_error("a,b\n1,\"open\nmore\n");
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->file, "test.csv");
  EXPECT_EQ(error.where()->line, 2);
  EXPECT_EQ(error.where()->column, 3);
  EXPECT_NE(error.message().find("unterminated"), std::string::npos);
  EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
}

TEST(CsvReader, TextAfterClosingQuote) {
  const auto error = parse_error("x\n\"ab\"c,d\n");
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 2);
  EXPECT_EQ(error.where()->column, 5);
}

TEST(CsvReader, QuoteInsideUnquotedField) {
  const auto error = parse_error("ab,c\"d\n");
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 1);
  EXPECT_EQ(error.where()->column, 5);
  EXPECT_EQ(std::string(error.what()), std::string("test.csv:1:5: ") + error.message());
}

TEST(CsvReader, LimitsAreErrors) {
  CsvLimits limits;
  limits.max_field_bytes = 4;
  limits.max_fields = 3;
  EXPECT_EQ(parse("abcd,ef\n", limits).rows, (Rows{{"abcd", "ef"}}));
  const auto long_field = parse_error("ok\nabcde\n", limits);
  EXPECT_EQ(long_field.where()->line, 2);
  EXPECT_EQ(long_field.where()->column, 1);
  const auto many = parse_error("a,b,c,d\n", limits);
  EXPECT_EQ(many.where()->column, 7);
}

TEST(CsvReader, StreamsInputLargerThanItsBuffer) {
  std::string text = "n,value\n";
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + ",\"v" + std::to_string(i) + "\"\n";
  std::istringstream in(text);
  CsvReader reader(in, "big.csv");
  CsvRecord record;
  int rows = 0;
  while (reader.next(record)) {
    if (rows > 0) {
      ASSERT_EQ(record[0].text, std::to_string(rows - 1));
      ASSERT_EQ(record[1].text, "v" + std::to_string(rows - 1));
      ASSERT_EQ(record.line(), rows + 1);
    }
    ++rows;
  }
  EXPECT_EQ(rows, 50001);
  EXPECT_EQ(reader.bytes_read(), text.size());
}

}  // namespace
}  // namespace recall
