// Bad reference data: each mistake is an Error naming the file, line, column and field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/error.hpp"
#include "core/parliament/reference_loader.hpp"

namespace recall {
namespace {

namespace fs = std::filesystem;

// A private copy of data/ in which one file can be edited.
class BrokenData : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / (std::string("recall-data-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& name : reference_data_files()) {
      fs::copy_file(fs::path(RECALL_SOURCE_DIR "/data") / name, dir_ / name);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::ifstream in(dir_ / file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto text = buffer.str();
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
    out << text;
  }

  SourceLocation failure() {
    try {
      load_reference_data(dir_);
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
      if (error.where()) return *error.where();
      ADD_FAILURE() << "no location in: " << error.what();
      return {};
    }
    ADD_FAILURE() << "expected the load to fail";
    return {};
  }

  fs::path dir_;
};

TEST_F(BrokenData, BadNumberInResults) {
  // Aberavon is on line 2; its electorate is the 12th field.
  replace("hoc-ge2017-constituency-results.csv", "Lab hold,Lab,Con,49892,", "Lab hold,Lab,Con,49x92,");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/hoc-ge2017-constituency-results.csv")) << where.file;
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.field, "electorate");
  EXPECT_EQ(where.column, 101);
}

TEST_F(BrokenData, VotesThatDoNotAddUp) {
  // Aberavon's Labour vote, one too many.
  replace("hoc-ge2019-results-by-constituency.csv", "Lab hold,Lab,Con,50750,31598,82,10490,6518,17008,",
          "Lab hold,Lab,Con,50750,31598,82,10490,6518,17009,");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/hoc-ge2019-results-by-constituency.csv")) << where.file;
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.field, "Valid votes");
}

TEST_F(BrokenData, UnknownPartyInPartyChanges) {
  replace("party-changes-2017-parliament.csv", "Ian Austin,Labour,Independent", "Ian Austin,Labour,Indepndent");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/party-changes-2017-parliament.csv")) << where.file;
  EXPECT_EQ(where.line, 13);
  EXPECT_EQ(where.field, "to_party");
  EXPECT_EQ(where.column, 53);
}

TEST_F(BrokenData, PartyChangeFromTheWrongParty) {
  replace("party-changes-2017-parliament.csv", "Ian Austin,Labour,", "Ian Austin,Conservative,");
  const auto where = failure();
  EXPECT_EQ(where.line, 13);
  EXPECT_EQ(where.field, "from_party");
}

TEST_F(BrokenData, PartyChangeForSomeoneElse) {
  replace("party-changes-2017-parliament.csv", "Ian Austin", "Ian Paisley");
  EXPECT_EQ(failure().field, "member");
}

TEST_F(BrokenData, UnknownPartyInCandidates) {
  replace("ge2017-candidates.json", "\"p\":\"Pirate Party UK\"", "\"p\":\"Pirate Party of Mars\"");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/ge2017-candidates.json")) << where.file;
  EXPECT_EQ(where.line, 1);
  EXPECT_EQ(where.field, "p");
  EXPECT_GT(where.column, 1);
}

TEST_F(BrokenData, BadExamplePostcode) {
  replace("example-postcodes.yml", "E14000531: WS41RE", "E14000531: WS41R");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/example-postcodes.yml")) << where.file;
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.column, 12);
  EXPECT_EQ(where.field, "E14000531");
}

TEST_F(BrokenData, ByElectionInAnUnknownSeat) {
  replace("by-elections-2017-parliament.csv", "2019-04-04,W07000056", "2019-04-04,W07999999");
  const auto where = failure();
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.column, 12);
  EXPECT_EQ(where.field, "constituency_ons");
}

TEST_F(BrokenData, HexMissingCoordinate) {
  replace("constituencies-2010.hexjson", "\"E14000531\":{\"n\":\"Aldridge-Brownhills\",\"q\":-3,",
          "\"E14000531\":{\"n\":\"Aldridge-Brownhills\",\"q\":\"x\",");
  const auto where = failure();
  EXPECT_TRUE(where.file.ends_with("/constituencies-2010.hexjson")) << where.file;
  EXPECT_EQ(where.line, 5);
  EXPECT_EQ(where.field, "q");
}

TEST_F(BrokenData, MissingFile) {
  fs::remove(dir_ / "party-at-dissolution-2019.csv");
  EXPECT_TRUE(failure().file.ends_with("/party-at-dissolution-2019.csv"));
}

TEST_F(BrokenData, ChangedFileChangesTheDigest) {
  const auto before = load_reference_data(dir_).source_digest;
  // The same files elsewhere have the same digest.
  EXPECT_EQ(before, load_reference_data(RECALL_SOURCE_DIR "/data").source_digest);
  replace("by-elections-2017-parliament.csv", "death of Paul Flynn", "the death of Paul Flynn");
  EXPECT_NE(load_reference_data(dir_).source_digest, before);
}

}  // namespace
}  // namespace recall
