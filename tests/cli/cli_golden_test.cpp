// The `recall` binary as scripts and outside checks call it: each case in tests/golden/cli/ gives the
// arguments, the exit code, and either a JSON subset the output must contain or substrings of stdout or
// stderr. The binary runs for real, in a fresh temporary folder with its own SQLite database.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/recall_process.hpp"
#include "support/golden_cases.hpp"
#include "support/json_subset.hpp"

namespace recall::testing {
namespace {

// {work} in an argument is the case's temporary folder; {source} the repository.
std::string expand(std::string arg, const std::filesystem::path& work) {
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{work}", work.string()},
                                   std::pair<std::string, std::string>{"{source}", RECALL_SOURCE_DIR}}) {
    for (auto at = arg.find(key); at != std::string::npos; at = arg.find(key)) arg.replace(at, key.size(), value);
  }
  return arg;
}

CommandRun run_recall(const nlohmann::json& args, const std::filesystem::path& work, const std::string& input = "") {
  std::vector<std::string> expanded;
  for (const auto& arg : args) expanded.push_back(expand(arg.get<std::string>(), work));
  return run_recall_in(work, expanded, input);
}

class CliGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(CliGolden, Case) {
  const nlohmann::json golden = read_golden(GetParam().path);
  const auto work = std::filesystem::temp_directory_path() / ("recall-cli-" + GetParam().name);
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  if (golden.contains("setup")) {
    for (const auto& step : golden.at("setup")) {  // an argument list, or {"args": [...], "stdin": "..."}
      const CommandRun setup = step.is_object() ? run_recall(step.at("args"), work, step.value("stdin", ""))
                                                : run_recall(step, work);
      ASSERT_EQ(setup.exit_code, 0) << "setup " << step.dump() << " failed: " << setup.err;
    }
  }
  if (golden.contains("files")) {
    for (const auto& [name, text] : golden.at("files").items()) std::ofstream(work / name) << text.get<std::string>();
  }

  const CommandRun run = run_recall(golden.at("args"), work, golden.value("stdin", ""));
  EXPECT_EQ(run.exit_code, golden.value("exit", 0)) << "stdout: " << run.out << "\nstderr: " << run.err;
  if (golden.contains("json")) {
    nlohmann::json actual;
    ASSERT_NO_THROW(actual = nlohmann::json::parse(run.out)) << run.out;
    expect_json_subset(golden.at("json"), actual, "$");
  }
  for (const auto& text : golden.value("stdout_contains", nlohmann::json::array())) {
    EXPECT_NE(run.out.find(text.get<std::string>()), std::string::npos) << "stdout lacks " << text << ":\n" << run.out;
  }
  for (const auto& text : golden.value("stderr_contains", nlohmann::json::array())) {
    EXPECT_NE(run.err.find(text.get<std::string>()), std::string::npos) << "stderr lacks " << text << ":\n" << run.err;
  }
  if (golden.contains("then")) {  // a follow-up command whose output shows what the first one left behind
    const CommandRun then = run_recall(golden.at("then").at("args"), work);
    EXPECT_EQ(then.exit_code, 0) << then.err;
    for (const auto& text : golden.at("then").value("stdout_contains", nlohmann::json::array())) {
      EXPECT_NE(then.out.find(text.get<std::string>()), std::string::npos) << "then-stdout lacks " << text << ":\n"
                                                                            << then.out;
    }
  }
  std::filesystem::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Cases, CliGolden, ::testing::ValuesIn(golden_cases("cli")),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace recall::testing
