#pragma once
// Running the real `recall` binary from a test: in a given folder, with the arguments quoted for the
// shell, standard input from a string, and its exit code, stdout and stderr captured.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace recall::testing {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `input` becomes the command's standard input; without it, stdin is empty.
inline CommandRun run_recall_in(const std::filesystem::path& work, const std::vector<std::string>& args,
                                const std::string& input = "") {
  std::ofstream(work / "stdin") << input;
  std::string command = "cd " + shell_quote(work.string()) + " && " + shell_quote(RECALL_BINARY);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " <" + shell_quote((work / "stdin").string());
  command += " >" + shell_quote((work / "stdout").string()) + " 2>" + shell_quote((work / "stderr").string());
  const int status = std::system(command.c_str());
  CommandRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(work / "stdout");
  run.err = slurp(work / "stderr");
  return run;
}

}  // namespace recall::testing
