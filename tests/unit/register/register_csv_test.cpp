// The register CSV reader: good rows in every shape, and errors that name line, column and field.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/base/error.hpp"
#include "core/register/register_csv.hpp"

namespace recall {
namespace {

const std::string header =
    "elector_number,change,cause,applied_on,effective_on,surname,forenames,address_1,address_2,address_3,"
    "postcode,date_of_birth,markers,absent_vote,proxy_name,proxy_address\n";

std::vector<RegisterEntry> parse(const std::string& rows) {
  std::istringstream in(header + rows);
  return read_register(in, "reg.csv");
}

SourceLocation failure(const std::string& rows) {
  try {
    parse(rows);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    if (e.where()) return *e.where();
  }
  ADD_FAILURE() << "no located error for: " << rows;
  return {};
}

TEST(RegisterCsv, ReadsEveryShapeAndWritesItBack) {
  const std::string rows =
      "SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane Anne,\"1, High Street\",,Peterborough,pe1 1aa,,,P,,\n"
      "SA-2,addition,application,2018-11-01,2018-12-01,Jones,Tom,2 High Street,,,PE1 1AA,2001-04-30,FA,Z,Ann Jones,"
      "\"2 High Street, PE1 1AA\"\n"
      "SB-3,addition,court-order,2019-04-01,2019-04-02,,,,,,,,N,,,\n"
      "SA-1,deletion,error-correction,2019-04-01,2019-04-03,,,,,,,,,,,\n";
  const auto entries = parse(rows);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].address_1, "1, High Street");
  EXPECT_EQ(entries[0].postcode, "PE1 1AA");
  EXPECT_EQ(entries[0].absent_vote, AbsentVote::postal);
  EXPECT_TRUE(entries[1].markers.overseas && entries[1].markers.attainer);
  EXPECT_EQ(entries[1].date_of_birth, make_date(2001, 4, 30));
  EXPECT_EQ(entries[1].proxy_name, "Ann Jones");
  EXPECT_TRUE(entries[2].markers.anonymous);
  EXPECT_EQ(entries[2].cause, ChangeCause::court_order);
  EXPECT_EQ(entries[3].change, ChangeKind::deletion);

  std::ostringstream out;
  write_register_header(out);
  for (const auto& e : entries) write_register_row(out, e);
  std::istringstream again(out.str());
  EXPECT_EQ(read_register(again, "again.csv"), entries);
}

TEST(RegisterCsv, BadValuesNameLineColumnAndField) {
  const std::string good = "SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n";
  struct Case {
    std::string row;
    int field_index;  // 1-based; the error's column is the character where that field starts
    std::string field;
  };
  const std::vector<Case> cases{
      {"sa-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 1, "elector_number"},
      {"SA-01,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 1, "elector_number"},
      {"SA-1,added,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 2, "change"},
      {"SA-1,addition,late,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 3, "cause"},
      {"SA-1,addition,application,2018-13-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 4, "applied_on"},
      {"SA-1,addition,application,2018-11-01,2018-10-01,Smith,Jane,1 High St,,,PE1 1AA,,,,,\n", 5, "effective_on"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,,Jane,1 High St,,,PE1 1AA,,,,,\n", 6, "surname"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1,,,,,\n", 11, "postcode"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,A,,,\n", 12, "date_of_birth"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,1-1-2001,,,,\n", 12,
       "date_of_birth"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,FF,,,\n", 13, "markers"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,Q,,\n", 14, "absent_vote"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,X,,1 Road\n", 15, "proxy_name"},
      {"SA-1,addition,application,2018-11-01,2018-12-01,Smith,Jane,1 High St,,,PE1 1AA,,,P,,1 Road\n", 16,
       "proxy_address"},
      {"SA-1,deletion,application,2018-11-01,2018-12-01,Smith,,,,,,,,,,\n", 6, "surname"},
  };
  for (const auto& c : cases) {
    const SourceLocation where = failure(good + c.row);
    EXPECT_EQ(where.file, "reg.csv") << c.row;
    EXPECT_EQ(where.line, 3) << c.row;
    std::size_t start = 0;
    for (int i = 1; i < c.field_index; ++i) start = c.row.find(',', start) + 1;
    EXPECT_EQ(where.column, static_cast<int>(start) + 1) << c.row;
    EXPECT_EQ(where.field, c.field) << c.row;
  }
}

TEST(RegisterCsv, MissingColumnIsAnError) {
  std::istringstream in("elector_number,change\nSA-1,addition\n");
  EXPECT_THROW(read_register(in, "short.csv"), Error);
}

}  // namespace
}  // namespace recall
