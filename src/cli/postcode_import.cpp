#include "cli/postcode_import.hpp"

#include <iostream>
#include <unordered_set>

#include <fmt/format.h>

#include "cli/environment.hpp"
#include "cli/progress_bar.hpp"
#include "core/base/error.hpp"
#include "core/parliament/postcode_directory.hpp"

namespace recall::cli {

void import_postcodes(const CommandContext& context, const std::string& file, bool show_progress) {
  const Resources resources = find_resources(context.home);
  auto store = open_context_store(context);
  sync_reference_data(*store, resources, false);  // postcodes point at constituencies, which must be there
  const auto reference = store->reference().load_reference_data();
  if (!reference) throw Error(ErrorKind::internal, "the store holds no reference data");
  std::unordered_set<std::string> known;
  for (const auto& constituency : reference->constituencies) known.insert(constituency.ons_code);

  ProgressBar progress("Importing postcodes", std::filesystem::file_size(file), show_progress);
  PostcodeDirectoryOptions options;
  options.on_batch = [&store](const std::vector<PostcodeRow>& batch) { store->postcodes().upsert_postcodes(batch); };
  options.on_progress = [&progress](std::uint64_t done, std::uint64_t /*total*/) { progress.update(done); };

  // One transaction: a bad line anywhere leaves the database as it was.
  PostcodeImportSummary summary;
  store->transaction([&] { summary = read_postcode_directory(file, known, options); });
  progress.finish();

  std::cout << fmt::format("Imported {} postcodes from {} ({} format, {} rows read).\n", summary.imported, file,
                           to_string(summary.format), summary.rows_read);
  if (summary.skipped_terminated > 0) {
    std::cout << fmt::format("Skipped {} terminated postcodes.\n", summary.skipped_terminated);
  }
  if (summary.skipped_no_constituency > 0) {
    std::cout << fmt::format("Skipped {} postcodes with no constituency.\n", summary.skipped_no_constituency);
  }
  if (summary.skipped_unknown_constituency > 0) {
    std::cout << fmt::format("Skipped {} postcodes in {} constituencies not among the 650 of 2010-2024 (e.g. {}).\n",
                             summary.skipped_unknown_constituency, summary.unknown_constituencies.size(),
                             summary.unknown_constituencies.begin()->first);
  }
  std::cout << fmt::format("The database now holds {} postcodes.\n", store->postcodes().count_postcodes());
}

}  // namespace recall::cli
