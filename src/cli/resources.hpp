#pragma once
// Where the binary finds its data files: reference data, policies and web templates/assets. By default
// the source tree it was built from; RECALL_HOME or --home point it at an installed copy.
#include <filesystem>
#include <string>

namespace recall::cli {

struct Resources {
  std::filesystem::path home;

  [[nodiscard]] std::filesystem::path data_dir() const { return home / "data"; }
  [[nodiscard]] std::filesystem::path policies_dir() const { return home / "policies"; }
  [[nodiscard]] std::filesystem::path templates_dir() const { return home / "web" / "templates"; }
  [[nodiscard]] std::filesystem::path assets_dir() const { return home / "web" / "dist"; }
};

// `explicit_home` (from --home) wins, then $RECALL_HOME, then the source tree. Throws Error when the folder
// does not hold a data/ folder.
Resources find_resources(const std::string& explicit_home);

}  // namespace recall::cli
