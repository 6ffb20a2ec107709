#pragma once
// A small data file read whole, so it can be both parsed and hashed, with a way to turn a byte
// offset into a line and column for errors in formats whose parsers do not report positions.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/error.hpp"

namespace recall {

struct SourceFile {
  std::string name;  // the path as given, shown in errors: "data/ge2017-candidates.json"
  std::string text;

  // Line and column (counting UTF-8 code points) of the byte at `offset`.
  [[nodiscard]] SourceLocation at(std::size_t offset, std::string field = {}) const;
  // The location of the first `needle` at or after `from`; the location of `from` if there is none.
  [[nodiscard]] SourceLocation find(std::string_view needle, std::size_t from = 0, std::string field = {}) const;
};

// Reads `dir / name`; a missing or unreadable file is an Error naming it.
SourceFile read_source_file(const std::filesystem::path& dir, const std::string& name);

}  // namespace recall
