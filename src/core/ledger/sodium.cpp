#include "core/ledger/sodium.hpp"

#include <sodium.h>

#include "core/base/error.hpp"

namespace recall::ledger {

void ensure_sodium() {
  // A function-local static runs sodium_init() exactly once, even with several threads.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw Error(ErrorKind::internal, "libsodium failed to initialise (sodium_init returned -1)");
}

}  // namespace recall::ledger
