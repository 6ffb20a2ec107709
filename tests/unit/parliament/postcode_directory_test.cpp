// The postcode directory reader on small sample files of each format.
#include <gtest/gtest.h>

#include <sstream>

#include "core/base/error.hpp"
#include "core/parliament/postcode_directory.hpp"

namespace recall {
namespace {

const std::string sample_dir = RECALL_SOURCE_DIR "/tests/unit/parliament/data/";
const std::unordered_set<std::string> known = {"E14000978", "E14000878", "W07000050", "E14000639"};

struct Run {
  PostcodeImportSummary summary;
  std::vector<PostcodeRow> rows;
  std::vector<std::size_t> batch_sizes;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
};

Run run(const std::string& file, std::size_t batch_size = 2) {
  Run result;
  PostcodeDirectoryOptions options;
  options.batch_size = batch_size;
  options.on_batch = [&](const std::vector<PostcodeRow>& batch) {
    result.batch_sizes.push_back(batch.size());
    result.rows.insert(result.rows.end(), batch.begin(), batch.end());
  };
  options.on_progress = [&](std::uint64_t done, std::uint64_t total) { result.progress.emplace_back(done, total); };
  result.summary = read_postcode_directory(sample_dir + file, known, options);
  return result;
}

Error error_of(const std::string& file) {
  try {
    run(file);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected an error reading " << file;
  return Error(ErrorKind::internal, "none");
}

TEST(PostcodeDirectory, OnsPostcodeDirectory) {
  const auto result = run("onspd-sample.csv");
  EXPECT_EQ(result.summary.format, PostcodeFileFormat::onspd);
  EXPECT_EQ(to_string(result.summary.format), "onspd");
  EXPECT_EQ(result.summary.rows_read, 8);
  EXPECT_EQ(result.summary.imported, 4);
  EXPECT_EQ(result.summary.skipped_terminated, 1);
  EXPECT_EQ(result.summary.skipped_no_constituency, 1);
  EXPECT_EQ(result.summary.skipped_unknown_constituency, 2);
  EXPECT_EQ(result.summary.unknown_constituencies,
            (std::map<std::string, std::int64_t>{{"E14001172", 1}, {"L99999999", 1}}));
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(result.rows[0].postcode, "SW2 1AA");
  EXPECT_EQ(result.rows[0].ons_code, "E14000978");
  EXPECT_EQ(result.rows[3].postcode, "CF10 1AA");
  EXPECT_EQ(result.rows[3].ons_code, "W07000050");
  EXPECT_EQ(result.batch_sizes, (std::vector<std::size_t>{2, 2}));
  ASSERT_FALSE(result.progress.empty());
  const auto [done, total] = result.progress.back();
  EXPECT_EQ(done, total);
  EXPECT_GT(total, 0u);
}

TEST(PostcodeDirectory, CodePointStyle) {
  const auto result = run("codepoint-sample.csv", 100);
  EXPECT_EQ(result.summary.format, PostcodeFileFormat::code_point);
  EXPECT_EQ(result.summary.imported, 3);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].postcode, "SW2 1AA");
  EXPECT_EQ(result.rows[2].postcode, "W1K 1AA");
  EXPECT_EQ(result.rows[2].ons_code, "E14000639");
  EXPECT_EQ(result.batch_sizes, (std::vector<std::size_t>{3}));
}

TEST(PostcodeDirectory, PlainTwoColumns) {
  const auto result = run("plain-sample.csv");
  EXPECT_EQ(result.summary.format, PostcodeFileFormat::plain);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[1].postcode, "PE1 1AA");
}

TEST(PostcodeDirectory, PlainWithoutHeader) {
  const auto result = run("headerless-sample.csv");
  EXPECT_EQ(result.summary.format, PostcodeFileFormat::plain);
  EXPECT_EQ(result.summary.rows_read, 2);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].postcode, "SW2 1AA");
}

TEST(PostcodeDirectory, BadPostcodeGivesLineColumnAndField) {
  const auto error = error_of("codepoint-bad-line.csv");
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 4);  // PE1 11A: an inward code is a digit and two letters
  EXPECT_EQ(error.where()->column, 1);
  EXPECT_EQ(error.where()->field, "Postcode");
  EXPECT_NE(error.where()->file.find("codepoint-bad-line.csv"), std::string::npos);
  EXPECT_NE(error.message().find("PE1 11A"), std::string::npos);
}

TEST(PostcodeDirectory, ShortRowIsAnError) {
  const auto error = error_of("onspd-short-row.csv");
  ASSERT_TRUE(error.where());
  EXPECT_EQ(error.where()->line, 3);
}

TEST(PostcodeDirectory, UnknownFormatIsAnError) {
  std::istringstream in("a,b,c\n1,2,3\n");
  PostcodeDirectoryOptions options;
  options.on_batch = [](const std::vector<PostcodeRow>&) {};
  EXPECT_THROW(read_postcode_directory(in, "odd.csv", 0, known, options), Error);
}

TEST(PostcodeDirectory, MissingFileIsAnError) {
  EXPECT_THROW(run("no-such-file.csv"), Error);
}

}  // namespace
}  // namespace recall
