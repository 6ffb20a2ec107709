#pragma once
// Reads a postcode directory file (for `recall data postcodes FILE`) as a stream, handing postcode
// rows to the caller in batches, so a 2.6-million-row directory never sits in memory.
//
// The format is detected from the header row (names compare case-insensitively; spaces and hyphens
// count as underscores):
// - ONS Postcode Directory or National Statistics Postcode Lookup: a postcode column "pcds", "pcd"
//   or "pcd2" (the first present, in that order) and "pcon". Rows with a non-empty "doterm"
//   (terminated postcodes) are skipped and counted.
// - Code-Point Open style: a column "postcode" (or "post_code") and a Westminster constituency code
//   column, one of "westminster_constituency_code", "westminster_parliamentary_constituency_code",
//   "parliamentary_constituency_code", "constituency_code", "pcon_code", "pcon", "pconcd",
//   "pcon10cd", "pcon17cd", "pcon19cd".
// - Plain: two columns "postcode" and "constituency" (or "ons_code"), or two columns and no header
//   at all (detected when the first field of the first row is a postcode).
// A postcode that is not a UK postcode is an Error with line, column and field. Rows whose
// constituency is empty or not one of the known constituencies (e.g. 2024 boundary codes) are
// counted, not errors.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/parliament/postcode_row.hpp"

namespace recall {

enum class PostcodeFileFormat { onspd, code_point, plain };
std::string to_string(PostcodeFileFormat format);  // "onspd", "code-point", "plain"

struct PostcodeImportSummary {
  PostcodeFileFormat format = PostcodeFileFormat::plain;
  std::int64_t rows_read = 0;                  // data rows, blank lines aside
  std::int64_t imported = 0;                   // handed to on_batch
  std::int64_t skipped_terminated = 0;         // ONSPD rows with a termination date
  std::int64_t skipped_no_constituency = 0;    // empty constituency code
  std::int64_t skipped_unknown_constituency = 0;  // a code not among the known constituencies
  std::map<std::string, std::int64_t> unknown_constituencies;  // those codes, with their row counts
};

struct PostcodeDirectoryOptions {
  std::size_t batch_size = 10000;
  std::function<void(const std::vector<PostcodeRow>& batch)> on_batch;  // required
  std::function<void(std::uint64_t bytes_read, std::uint64_t total_bytes)> on_progress;  // optional
};

// `known_constituencies`: ONS codes rows may map to (the 650 loaded). `total_bytes` is passed back
// to on_progress (0 when unknown).
PostcodeImportSummary read_postcode_directory(std::istream& in, const std::string& source_name,
                                              std::uint64_t total_bytes,
                                              const std::unordered_set<std::string>& known_constituencies,
                                              const PostcodeDirectoryOptions& options);

// Opens `file` (an Error if it cannot be read) and reads it as above, with its size as the total.
PostcodeImportSummary read_postcode_directory(const std::filesystem::path& file,
                                              const std::unordered_set<std::string>& known_constituencies,
                                              const PostcodeDirectoryOptions& options);

}  // namespace recall
