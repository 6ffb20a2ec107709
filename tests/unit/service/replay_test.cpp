// Replays of the real petitions (shared/data/recall-petitions.csv, one test per row): a synthetic
// register of the published number of eligible electors, the published valid signatures and rejected
// sheets, run through the whole service. The declared figures must match what the officer published.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "core/csv/csv_table.hpp"
#include "service/simulation.hpp"
#include "service_world.hpp"

namespace recall::testing {
namespace {

struct ReplayRow {
  std::string name;  // for the test's name
  std::string ons_code;
  std::string speakers_notice;  // may be empty
  std::string signing_opens;
  std::string signing_closes;
  long signing_places = 0;
  long eligible = 0;
  long valid = 0;
  long rejected = 0;
  std::string percent;  // as published: "27.6"
  std::string outcome;  // "successful", "unsuccessful", or an early end
};

std::filesystem::path petitions_csv() {
  const std::filesystem::path shared = RECALL_SOURCE_DIR "/../shared/data/recall-petitions.csv";
  return std::filesystem::exists(shared)
             ? shared
             : std::filesystem::path(RECALL_SOURCE_DIR "/data/recall-petitions.csv");
}

long number_or_zero(const CsvTable& table, std::size_t column) {
  return table.trimmed(column).empty() ? 0 : static_cast<long>(table.integer(column));
}

std::vector<ReplayRow> replay_rows() {
  std::ifstream in(petitions_csv());
  if (!in) return {};
  CsvTable table(in, petitions_csv().string());
  const auto col = [&](const char* name) { return table.column(name); };
  const std::size_t places = col("signing_places");
  std::vector<ReplayRow> rows;
  while (table.next_row()) {
    ReplayRow row;
    row.name = table.trimmed(col("constituency"));
    std::replace_if(
        row.name.begin(), row.name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
        '_');
    row.ons_code = table.trimmed(col("constituency_ons"));
    row.speakers_notice = table.trimmed(col("speakers_notice"));
    row.signing_opens = table.trimmed(col("signing_opens"));
    row.signing_closes = table.trimmed(col("signing_closes"));
    row.signing_places = number_or_zero(table, places);
    row.eligible = number_or_zero(table, col("eligible_electors"));
    row.valid = number_or_zero(table, col("valid_signatures"));
    row.rejected = number_or_zero(table, col("rejected_sheets"));
    row.percent = table.trimmed(col("percent_published"));
    row.outcome = table.trimmed(col("outcome"));
    rows.push_back(std::move(row));
  }
  return rows;
}

// "27.6" -> 276, "9" -> 90: the published percentage in tenths.
long tenths_of(const std::string& published) {
  const auto dot = published.find('.');
  const long whole = std::stol(published.substr(0, dot));
  const long tenth = dot == std::string::npos ? 0 : published.at(dot + 1) - '0';
  return whole * 10 + tenth;
}

bool ended_early(const std::string& outcome) { return outcome != "successful" && outcome != "unsuccessful"; }

class Replay : public ::testing::TestWithParam<ReplayRow> {};

TEST_P(Replay, DeclaresThePublishedResult) {
  const ReplayRow& row = GetParam();
  const Parliament& parliament = SharedData::get().parliament;
  const Policy& policy = SharedData::get().policies.get("uk-2015");
  const Constituency* constituency = parliament.constituency(row.ons_code);
  ASSERT_NE(constituency, nullptr) << row.ons_code;

  SimulationOptions options;
  options.ons_code = row.ons_code;
  options.policy_id = policy.id;
  options.notice = row.speakers_notice.empty()
                       ? notice_for_designated_day(policy, holiday_region(constituency->nation),
                                                   day(row.signing_opens.c_str()))
                       : day(row.speakers_notice.c_str());
  options.electors = row.eligible;
  options.signatures = row.valid;
  options.rejected = row.rejected;
  options.seed = 2015;
  options.places = row.signing_places;
  if (ended_early(row.outcome)) options.terminated_on = day(row.signing_closes.c_str());

  auto store = open_store(":memory:");
  const SimulationResult result = simulate_petition(*store, parliament, SharedData::get().policies, options);
  EXPECT_EQ(result.petition.timetable.designated_day, day(row.signing_opens.c_str()));
  if (ended_early(row.outcome)) {
    EXPECT_EQ(result.outcome, "terminated");
    EXPECT_FALSE(result.declaration);
    return;
  }
  ASSERT_TRUE(result.declaration);
  EXPECT_EQ(result.declaration->eligible, row.eligible);
  EXPECT_EQ(result.declaration->valid_signatures, row.valid);
  EXPECT_EQ(result.declaration->rejected, row.rejected);
  EXPECT_EQ(result.declaration->percent_tenths, tenths_of(row.percent));
  EXPECT_EQ(result.outcome, row.outcome);
}

INSTANTIATE_TEST_SUITE_P(RecallPetitions, Replay, ::testing::ValuesIn(replay_rows()),
                         [](const auto& test_info) { return test_info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Replay);

TEST(Replays, ThePetitionsFileIsThere) { EXPECT_FALSE(replay_rows().empty()) << petitions_csv(); }

}  // namespace
}  // namespace recall::testing
