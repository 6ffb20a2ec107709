#pragma once
// What a public petition says, as its creator typed it: an action (the one-line ask), a background and
// optional further details. Limits count Unicode code points, as a reader sees characters, not UTF-8
// bytes, so "Ynys Môn" costs the same as "Ynys Mon". Text is cleaned before it is stored: trimmed,
// tabs made spaces, line ends made "\n", and anything that could hide or reorder text (control and
// direction-override characters, broken UTF-8) refused with the field and the character's position.
#include <cstddef>
#include <string>
#include <string_view>

namespace recall::public_petition {

struct PetitionTextLimits {
  std::size_t action = 80;
  std::size_t background = 300;
  std::size_t details = 800;
};

struct PetitionText {
  std::string action;      // "Call a by-election in Peterborough"
  std::string background;  // why
  std::string details;     // optional; may be empty

  bool operator==(const PetitionText&) const = default;
};

// Trims and checks each field, throwing Error(invalid_input) whose location names the form field
// ("action", "background", "details") and, for a bad character, its column in code points.
PetitionText validate_petition_text(const PetitionText& typed, const PetitionTextLimits& limits = {});

// The cleaning rules for one field, exposed for other free-text fields (a moderator's note).
// `multi_line` keeps line breaks; otherwise a line break is refused.
std::string clean_text_field(std::string_view utf8, std::string_view field, bool multi_line);

// Code points in valid UTF-8; throws Error(invalid_input) naming `field` when it is not valid UTF-8.
std::size_t count_code_points(std::string_view utf8, std::string_view field = {});

}  // namespace recall::public_petition
