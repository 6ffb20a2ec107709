#include "cli/environment.hpp"

#include "core/parliament/reference_loader.hpp"

namespace recall::cli {

std::unique_ptr<Store> open_context_store(const CommandContext& context) { return open_store(context.db); }

ReferenceLoad sync_reference_data(Store& store, const Resources& resources, bool force) {
  const ReferenceData data = load_reference_data(resources.data_dir());
  ReferenceLoad load;
  load.digest = data.source_digest;
  load.constituencies = data.constituencies.size();
  load.members = data.members.size();
  load.postcodes = data.postcodes.size();
  load.changed = store.reference().replace_reference_data(data, force);
  return load;
}

ReferenceData read_reference_files(const Resources& resources) { return load_reference_data(resources.data_dir()); }

}  // namespace recall::cli
