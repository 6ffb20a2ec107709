#pragma once
// Reads the reference data files of data/ (see data/SOURCES.md) into ReferenceData: constituencies
// with their 2017 and 2019 results, the MPs of both Parliaments with their party history, the hexmap
// layout and the example postcodes. Any bad value is an Error naming file, line, column and field.
#include <filesystem>
#include <string>
#include <vector>

#include "core/parliament/model.hpp"

namespace recall {

ReferenceData load_reference_data(const std::filesystem::path& data_dir);

// The files load_reference_data reads, relative to the data folder, in the order they are hashed.
const std::vector<std::string>& reference_data_files();

}  // namespace recall
