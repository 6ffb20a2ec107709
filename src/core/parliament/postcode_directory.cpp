#include "core/parliament/postcode_directory.hpp"

#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/csv/csv_table.hpp"
#include "core/parliament/parliament.hpp"

namespace recall {

namespace {

std::string header_key(std::string_view name) {
  std::string key;
  for (const char c : trim_blanks(name)) {
    if (c == ' ' || c == '-') {
      key += '_';
    } else if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else {
      key += c;
    }
  }
  return key;
}

struct Layout {
  PostcodeFileFormat format = PostcodeFileFormat::plain;
  std::size_t postcode = 0;
  std::size_t constituency = 1;
  std::optional<std::size_t> terminated;
  bool header = true;
  std::vector<std::string> names;  // for errors: the field names
};

std::optional<std::size_t> find_any(const std::vector<std::string>& keys, std::initializer_list<const char*> wanted) {
  for (const auto* name : wanted) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == name) return i;
    }
  }
  return std::nullopt;
}

Layout detect(const CsvRecord& first, const CsvReader& reader) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < first.size(); ++i) keys.push_back(header_key(first[i].text));
  Layout layout;
  for (std::size_t i = 0; i < first.size(); ++i) layout.names.emplace_back(trim_blanks(first[i].text));

  const auto pcon = find_any(keys, {"pcon"});
  const auto onspd_postcode = find_any(keys, {"pcds", "pcd", "pcd2"});
  if (pcon && onspd_postcode) {
    layout.format = PostcodeFileFormat::onspd;
    layout.postcode = *onspd_postcode;
    layout.constituency = *pcon;
    layout.terminated = find_any(keys, {"doterm"});
    return layout;
  }
  const auto postcode = find_any(keys, {"postcode", "post_code"});
  if (postcode && keys.size() == 2) {
    if (const auto plain = find_any(keys, {"constituency", "ons_code"})) {
      layout.postcode = *postcode;
      layout.constituency = *plain;
      return layout;
    }
  }
  const auto westminster =
      find_any(keys, {"westminster_constituency_code", "westminster_parliamentary_constituency_code",
                      "parliamentary_constituency_code", "constituency_code", "pcon_code", "pcon", "pconcd",
                      "pcon10cd", "pcon17cd", "pcon19cd"});
  if (postcode && westminster) {
    layout.format = PostcodeFileFormat::code_point;
    layout.postcode = *postcode;
    layout.constituency = *westminster;
    return layout;
  }
  if (first.size() == 2 && normalise_postcode(first[0].text)) {
    layout.header = false;
    layout.names = {"postcode", "constituency"};
    return layout;
  }
  throw_invalid("cannot tell the postcode file's format from its header: expected an ONS Postcode Directory "
                "(pcds or pcd, and pcon), a Code-Point Open style file (postcode and a Westminster "
                "constituency code column) or two columns postcode,constituency",
                reader.location(first.line(), 1));
}

}  // namespace

std::string to_string(PostcodeFileFormat format) {
  switch (format) {
    case PostcodeFileFormat::onspd: return "onspd";
    case PostcodeFileFormat::code_point: return "code-point";
    case PostcodeFileFormat::plain: return "plain";
  }
  return "plain";
}

PostcodeImportSummary read_postcode_directory(std::istream& in, const std::string& source_name,
                                              std::uint64_t total_bytes,
                                              const std::unordered_set<std::string>& known_constituencies,
                                              const PostcodeDirectoryOptions& options) {
  if (!options.on_batch) throw Error(ErrorKind::internal, "read_postcode_directory needs an on_batch callback");
  const auto batch_size = options.batch_size == 0 ? std::size_t{1} : options.batch_size;
  CsvReader reader(in, source_name);
  CsvRecord record;
  PostcodeImportSummary summary;

  bool have_record = false;
  while ((have_record = reader.next(record)) && record.blank()) {
  }
  if (!have_record) throw_invalid("the postcode file is empty", reader.location(1, 1));
  const auto layout = detect(record, reader);
  summary.format = layout.format;
  const auto width = record.size();

  std::vector<PostcodeRow> batch;
  batch.reserve(batch_size);
  auto flush = [&] {
    if (!batch.empty()) {
      options.on_batch(batch);
      batch.clear();
    }
    if (options.on_progress) options.on_progress(reader.bytes_read(), total_bytes);
  };

  bool pending = !layout.header;  // a headerless file's first row is data
  for (;;) {
    if (!pending) {
      if (!reader.next(record)) break;
      if (record.blank()) continue;
    }
    pending = false;
    ++summary.rows_read;
    if (record.size() != width) {
      const bool too_many = record.size() > width;
      const auto& at = too_many ? record[width] : record[record.size() - 1];
      throw_invalid(fmt::format("wrong number of fields: expected {} as in the first row, found {}", width,
                                record.size()),
                    reader.location(at.line, too_many ? at.column : record.end_column()));
    }
    if (layout.terminated && !trim_blanks(record[*layout.terminated].text).empty()) {
      ++summary.skipped_terminated;
      continue;
    }
    const auto& postcode_field = record[layout.postcode];
    auto postcode = normalise_postcode(postcode_field.text);
    if (!postcode) {
      throw_invalid(fmt::format("\"{}\" is not a UK postcode", postcode_field.text),
                    reader.location(postcode_field.line, postcode_field.column, layout.names[layout.postcode]));
    }
    const auto code = trim_blanks(record[layout.constituency].text);
    if (code.empty()) {
      ++summary.skipped_no_constituency;
      continue;
    }
    std::string ons_code(code);
    if (!known_constituencies.contains(ons_code)) {
      ++summary.skipped_unknown_constituency;
      ++summary.unknown_constituencies[ons_code];
      continue;
    }
    batch.push_back(PostcodeRow{std::move(*postcode), std::move(ons_code)});
    ++summary.imported;
    if (batch.size() == batch_size) flush();
  }
  flush();
  return summary;
}

PostcodeImportSummary read_postcode_directory(const std::filesystem::path& file,
                                              const std::unordered_set<std::string>& known_constituencies,
                                              const PostcodeDirectoryOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw_invalid("cannot open the postcode file " + file.string(), SourceLocation{file.string(), 0, 0, {}});
  std::error_code size_error;
  const auto size = std::filesystem::file_size(file, size_error);
  return read_postcode_directory(in, file.string(), size_error ? 0 : static_cast<std::uint64_t>(size),
                                 known_constituencies, options);
}

}  // namespace recall
