#pragma once
// libsodium must be initialised once before any key generation or signing; every entry point that
// uses it calls this first.

namespace recall::ledger {

// Throws recall::Error (internal) if libsodium cannot initialise (no source of randomness).
void ensure_sodium();

}  // namespace recall::ledger
