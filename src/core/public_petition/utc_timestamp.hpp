#pragma once
// Reading back the "YYYY-MM-DDTHH:MM:SSZ" form that format_utc_timestamp (core/auth/clock.hpp)
// writes, for time windows typed into forms or kept in the store.
#include <cstdint>
#include <optional>
#include <string_view>

namespace recall::public_petition {

std::optional<std::int64_t> try_parse_utc_timestamp(std::string_view text);
// Throws Error(invalid_input) naming `field`.
std::int64_t parse_utc_timestamp(std::string_view text, std::string_view field);

}  // namespace recall::public_petition
