#pragma once
// Golden cases are data files under RECALL_GOLDEN_DIR/<area>/, one case per file, found at run time so
// that adding a case is adding a file. Shared by every suite with golden cases.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace recall::testing {

struct GoldenCase {
  std::filesystem::path path;
  std::string name;  // the file stem, made safe for a gtest name
};

// gtest prints a failing parameter with this instead of its raw bytes.
inline void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.path.string(); }

inline std::vector<GoldenCase> golden_cases(const std::string& area, const std::string& extension = ".json") {
  const std::filesystem::path dir = std::filesystem::path(RECALL_GOLDEN_DIR) / area;
  std::vector<GoldenCase> cases;
  if (!std::filesystem::is_directory(dir)) return cases;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != extension) continue;
    std::string name = entry.path().stem().string();
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                    '_');
    cases.push_back({entry.path(), name});
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

inline nlohmann::json read_golden(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  try {
    return nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
}

}  // namespace recall::testing
