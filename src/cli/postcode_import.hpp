#pragma once
// recall data postcodes FILE: a postcode directory imported in one transaction, with a progress bar.
#include <string>

#include "cli/commands/commands.hpp"

namespace recall::cli {

void import_postcodes(const CommandContext& context, const std::string& file, bool show_progress);

}  // namespace recall::cli
