#include "core/parliament/source_file.hpp"

#include <fstream>
#include <sstream>

namespace recall {

SourceLocation SourceFile::at(std::size_t offset, std::string field) const {
  int line = 1;
  int column = 1;
  const auto end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  return SourceLocation{name, line, column, std::move(field)};
}

SourceLocation SourceFile::find(std::string_view needle, std::size_t from, std::string field) const {
  const auto offset = text.find(needle, from);
  return at(offset == std::string::npos ? from : offset, std::move(field));
}

SourceFile read_source_file(const std::filesystem::path& dir, const std::string& name) {
  const auto path = dir / name;
  SourceFile file{path.lexically_normal().string(), {}};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_invalid("cannot open the reference data file " + path.string(), SourceLocation{file.name, 0, 0, {}});
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw_invalid("cannot read the reference data file " + path.string(), SourceLocation{file.name, 0, 0, {}});
  file.text = std::move(content).str();
  return file;
}

}  // namespace recall
