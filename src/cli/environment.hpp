#pragma once
// What the commands share: the resources folder, the store, and reference data kept in step between
// the data/ files and the database.
#include <memory>
#include <string>

#include "cli/commands/commands.hpp"
#include "cli/resources.hpp"
#include "core/parliament/model.hpp"
#include "store/store.hpp"

namespace recall::cli {

// Opens the store named by --db (migrating it) after checking the resources folder.
std::unique_ptr<Store> open_context_store(const CommandContext& context);

struct ReferenceLoad {
  bool changed = false;   // false when the store already held data with the same source digest
  std::size_t constituencies = 0;
  std::size_t members = 0;
  std::size_t postcodes = 0;
  std::string digest;
};

// Reads data/ and writes it to the store in one transaction unless the store already holds the same
// digest (or `force`).
ReferenceLoad sync_reference_data(Store& store, const Resources& resources, bool force);

// Reference data for commands that only compute (timetable, rules): read from data/ without a database.
ReferenceData read_reference_files(const Resources& resources);

}  // namespace recall::cli
