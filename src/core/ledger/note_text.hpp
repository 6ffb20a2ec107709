#pragma once
// The character rules of the C2SP signed-note format, shared by keys, notes and checkpoints.
#include <string_view>

namespace recall::ledger {

// A key name is non-empty UTF-8 with no Unicode white space and no '+' (the key string separator).
[[nodiscard]] bool is_valid_key_name(std::string_view name);
// Throws recall::Error (invalid_input) saying which rule name breaks; what names the key's role.
void check_key_name(std::string_view name, std::string_view what);

// Note text is non-empty UTF-8, ends with a newline and holds no control character but newline.
// Throws recall::Error (invalid_input) with the line and column of the first offence.
void check_note_text(std::string_view text, std::string_view file);

}  // namespace recall::ledger
