#include "service/online_codes.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include "core/auth/sodium_init.hpp"
#include "core/auth/token.hpp"

namespace recall {

std::string new_one_time_code() {
  ensure_sodium();
  // randombytes_uniform avoids the modulo bias of taking a random word % 1000000.
  return fmt::format("{:06}", randombytes_uniform(1'000'000U));
}

bool is_one_time_code_shape(std::string_view text) {
  if (text.size() != 6) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string one_time_code_hash(std::string_view code) { return token_hash(code); }

std::string group_receipt_code(std::string_view receipt) {
  std::string out;
  for (std::size_t i = 0; i < receipt.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += receipt[i];
  }
  return out;
}

}  // namespace recall
