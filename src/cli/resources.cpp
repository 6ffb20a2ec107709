#include "cli/resources.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::cli {

Resources find_resources(const std::string& explicit_home) {
  std::filesystem::path home;
  if (!explicit_home.empty()) {
    home = explicit_home;
  } else if (const char* env = std::getenv("RECALL_HOME"); env != nullptr && *env != '\0') {
    home = env;
  } else {
    home = RECALL_SOURCE_DIR;
  }
  if (!std::filesystem::is_directory(home / "data")) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{} has no data/ folder; point --home or RECALL_HOME at a Recall checkout", home.string()));
  }
  return Resources{home};
}

}  // namespace recall::cli
