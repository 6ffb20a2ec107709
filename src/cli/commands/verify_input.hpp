#pragma once
// What the `recall verify` subcommands share: reading their input files (a missing or unreadable file
// is an input error naming it, exit 3 or 2; a discrepancy in what was read is exit 7) and saying that
// verification failed.
#include <optional>
#include <string>
#include <string_view>

#include "core/base/error.hpp"
#include "core/ledger/note_key.hpp"

namespace recall::cli {

// The whole file; Error(not_found) naming it and `what` it should have been if it cannot be read.
std::string read_input_file(const std::string& path, std::string_view what);

// A verifier key file ("name+hash+base64", trailing white space ignored), as text.
std::string read_key_file(const std::string& path);

// The key to trust: --key FILE if given, else the published folder's key.pub if there is a folder.
// Error(invalid_input) naming the file if it does not parse, or naming --key if there is neither.
ledger::VerifierKey trusted_verifier_key(const std::string& key_file, const std::optional<std::string>& folder_key);

// Rethrows an input error with `path` as its file, keeping its line, column and field: the parsers
// name their format ("receipt", "checkpoint"), the user wants the file they gave.
[[noreturn]] void rethrow_in_file(const Error& error, const std::string& path);

// Prints "recall: verification failed: <message>" on stderr and ends with exit code 7.
[[noreturn]] void verification_failed(const std::string& message, bool print = true);

}  // namespace recall::cli
