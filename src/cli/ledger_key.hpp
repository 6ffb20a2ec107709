#pragma once
// The deployment's ledger key (ARCHITECTURE.md "The ledger"): one Ed25519 key signs every petition
// log's checkpoints, and its name is the first part of every log's origin. It lives in a file beside
// the database, readable by its owner only:
//   --ledger-key FILE, or $RECALL_LEDGER_KEY, or by default
//   <SQLite file>.ledger-key beside a SQLite database, recall-ledger.key in the current folder for a
//   PostgreSQL URL.
// The file holds the signer key in the C2SP encoding (PRIVATE+KEY+<name>+<hash>+<base64>) and a newline.
#include <filesystem>
#include <string>

#include "cli/commands/commands.hpp"
#include "core/ledger/note_key.hpp"

namespace recall::cli {

std::filesystem::path ledger_key_path(const CommandContext& context);

// The host name with anything but letters, digits, '.', '-' and '_' made a '-', so it is a valid key
// name (and reads well in an origin line); "recall" if the host has no name.
std::string default_ledger_key_name();

// Creates the file (mode 0600) with a new key. Error(conflict) naming the file if it exists: a
// deployment's key is never replaced by accident, since every checkpoint it signed depends on it.
ledger::SignerKey create_ledger_key(const std::filesystem::path& path, const std::string& name);

// Error(not_found) naming the file if it is missing; Error(invalid_input) naming the file if it does
// not hold a signer key.
ledger::SignerKey read_ledger_key(const std::filesystem::path& path);

// For the commands that sign (petition steps, serve): reads the key, or, when the default file (no
// --ledger-key, no $RECALL_LEDGER_KEY) does not exist yet, creates it with the default name and says
// so on stderr in one line. A file named explicitly must exist.
ledger::SignerKey load_or_create_ledger_key(const CommandContext& context);

}  // namespace recall::cli
