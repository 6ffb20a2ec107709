#include "core/auth/sodium_init.hpp"

#include <sodium.h>

#include "core/base/error.hpp"

namespace recall {

void ensure_sodium() {
  // A function-local static runs sodium_init() once even with several threads racing here.
  static const int result = sodium_init();
  if (result < 0) throw Error(ErrorKind::internal, "libsodium could not be initialised");
}

}  // namespace recall
