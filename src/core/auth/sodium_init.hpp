#pragma once
// libsodium must be initialised once before use (it picks the fastest implementations and seeds its
// random source); every auth function that calls it goes through here.
namespace recall {

// Thread-safe and idempotent; throws Error(internal) if libsodium cannot start.
void ensure_sodium();

}  // namespace recall
