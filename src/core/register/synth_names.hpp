#pragma once
// Common UK forenames, surnames and street-name parts for the register generator.
#include <span>
#include <string_view>

namespace recall::synth_names {

std::span<const std::string_view> forenames();
std::span<const std::string_view> surnames();
std::span<const std::string_view> street_stems();     // "Church", "Mill", ...
std::span<const std::string_view> street_suffixes();  // "Road", "Close", ...

}  // namespace recall::synth_names
