#include "core/ledger/hash.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"

namespace recall::ledger {

namespace {

[[noreturn]] void throw_openssl(const char* what) {
  throw Error(ErrorKind::internal, fmt::format("OpenSSL SHA-256 failed in {}", what));
}

// Fetched once: OpenSSL 3 otherwise looks the algorithm up again on every digest, which costs more
// than hashing the 65 bytes of a tree node.
const EVP_MD* sha256_algorithm() {
  static const EVP_MD* const algorithm = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) throw_openssl("EVP_MD_fetch");
    return fetched;
  }();
  return algorithm;
}

struct ContextDeleter {
  void operator()(EVP_MD_CTX* context) const noexcept { EVP_MD_CTX_free(context); }
};

// One reusable context per thread, so appends and proofs allocate nothing per hash.
EVP_MD_CTX* thread_context() {
  thread_local const std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  if (!context) throw_openssl("EVP_MD_CTX_new");
  return context.get();
}

}  // namespace

Hash sha256(std::initializer_list<ByteView> parts) {
  EVP_MD_CTX* context = thread_context();
  if (EVP_DigestInit_ex2(context, sha256_algorithm(), nullptr) != 1) throw_openssl("EVP_DigestInit_ex2");
  for (ByteView part : parts) {
    if (EVP_DigestUpdate(context, part.data(), part.size()) != 1) throw_openssl("EVP_DigestUpdate");
  }
  Hash out{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context, out.data(), &length) != 1 || length != hash_size) {
    throw_openssl("EVP_DigestFinal_ex");
  }
  return out;
}

Hash leaf_hash(ByteView data) {
  static constexpr std::uint8_t prefix[1] = {0x00};
  return sha256({ByteView(prefix), data});
}

Hash node_hash(const Hash& left, const Hash& right) {
  static constexpr std::uint8_t prefix[1] = {0x01};
  return sha256({ByteView(prefix), ByteView(left), ByteView(right)});
}

const Hash& empty_root() {
  static const Hash root = sha256(ByteView{});
  return root;
}

std::string hash_to_hex(const Hash& hash) { return to_hex(hash); }

Hash hash_from_hex(std::string_view text) {
  if (text.size() != hash_size * 2) {
    throw_invalid(fmt::format("a SHA-256 hash is {} hex digits, got {}", hash_size * 2, text.size()));
  }
  const std::vector<std::uint8_t> bytes = from_hex(text);
  Hash out{};
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

}  // namespace recall::ledger
