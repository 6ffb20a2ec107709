// Golden cases for the CSV reader: one file per case in tests/golden/csv (format in its README.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv/csv_reader.hpp"
#include "support/golden_cases.hpp"

namespace recall {
namespace {

namespace fs = std::filesystem;

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    if (next == 'n') {
      out += '\n';
    } else if (next == 'r') {
      out += '\r';
    } else if (next == 't') {
      out += '\t';
    } else if (next == 'x' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += next;  // \\ and \"
    }
  }
  return out;
}

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

struct Case {
  std::string input;
  std::vector<std::string> expect;
};

Case read_case(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  Case result;
  std::string line;
  std::string section;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) continue;
    if (line == "input:" || line == "expect:") {
      section = line;
    } else if (section == "input:") {
      result.input += unescape(line);
    } else if (section == "expect:" && !line.empty()) {
      result.expect.push_back(unescape(line));
    }
  }
  return result;
}

class CsvGolden : public ::testing::TestWithParam<testing::GoldenCase> {};

TEST_P(CsvGolden, Matches) {
  const std::string file_name = GetParam().path.filename().string();
  const auto golden = read_case(GetParam().path);
  ASSERT_FALSE(golden.expect.empty()) << "the case has no expect: section";
  std::istringstream in(golden.input);
  CsvReader reader(in, file_name);
  CsvRecord record;
  std::vector<std::string> actual;
  try {
    while (reader.next(record)) {
      std::string line;
      for (std::size_t i = 0; i < record.size(); ++i) {
        if (i > 0) line += " | ";
        line += std::to_string(record[i].line) + ":" + std::to_string(record[i].column) + " \"" +
                record[i].text + "\"";
      }
      actual.push_back(line);
    }
  } catch (const Error& error) {
    ASSERT_EQ(golden.expect.size(), 1u) << "unexpected error: " << error.what();
    const auto& expected = golden.expect.front();
    ASSERT_TRUE(expected.starts_with("error ")) << "unexpected error: " << error.what();
    const auto space = expected.find(' ', 6);
    const auto position = expected.substr(6, space - 6);
    const auto words = expected.substr(space + 1);
    ASSERT_TRUE(error.where());
    EXPECT_EQ(std::to_string(error.where()->line) + ":" + std::to_string(error.where()->column), position);
    EXPECT_EQ(error.where()->file, file_name);
    EXPECT_NE(error.message().find(words), std::string::npos) << error.message();
    return;
  }
  std::vector<std::string> expected;
  for (const auto& line : golden.expect) expected.push_back(line);
  // Compare escaped, so a failure shows line breaks and quotes readably.
  std::vector<std::string> shown_actual;
  std::vector<std::string> shown_expected;
  for (const auto& line : actual) shown_actual.push_back(escape(line));
  for (const auto& line : expected) shown_expected.push_back(escape(line));
  EXPECT_EQ(shown_actual, shown_expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, CsvGolden, ::testing::ValuesIn(testing::golden_cases("csv", ".case")),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace recall
