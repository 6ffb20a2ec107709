#include "core/ledger/note_key.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/base/error.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/hash.hpp"
#include "core/ledger/note_text.hpp"
#include "core/ledger/sodium.hpp"

namespace recall::ledger {

namespace {

constexpr std::string_view private_prefix = "PRIVATE+KEY+";

struct KeyParts {
  std::string_view name;
  std::uint32_t key_hash = 0;
  std::vector<std::uint8_t> key;  // algorithm byte then key material
};

std::uint32_t parse_key_hash(std::string_view hex, std::string_view what) {
  if (hex.size() != 8) {
    throw_invalid(fmt::format("{} key hash \"{}\" must be 8 hex digits", what, hex));
  }
  std::uint32_t value = 0;
  for (char c : hex) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (digit < 0) throw_invalid(fmt::format("{} key hash \"{}\" must be lowercase hex digits", what, hex));
    value = (value << 4) | static_cast<std::uint32_t>(digit);
  }
  return value;
}

// "<name>+<hash>+<base64>"; the base64 may itself contain '+', so only the first two separate.
KeyParts split_key(std::string_view text, std::string_view what) {
  const std::size_t first = text.find('+');
  const std::size_t second = first == std::string_view::npos ? first : text.find('+', first + 1);
  if (second == std::string_view::npos) {
    throw_invalid(fmt::format("{} key must have the form <name>+<hex key hash>+<base64 key>", what));
  }
  KeyParts parts;
  parts.name = text.substr(0, first);
  check_key_name(parts.name, fmt::format("{} key", what));
  parts.key_hash = parse_key_hash(text.substr(first + 1, second - first - 1), what);
  try {
    parts.key = from_base64(text.substr(second + 1));
  } catch (const Error& error) {
    throw_invalid(fmt::format("{} key \"{}\" has a malformed base64 key: {}", what, parts.name, error.message()));
  }
  if (parts.key.empty() || parts.key.front() != ed25519_algorithm) {
    throw_invalid(fmt::format("{} key \"{}\" is not an Ed25519 key (algorithm byte must be 0x01)", what, parts.name));
  }
  return parts;
}

void check_key_hash(const KeyParts& parts, const PublicKey& public_key, std::string_view what) {
  const std::uint32_t expected = ed25519_key_hash(parts.name, public_key);
  if (parts.key_hash != expected) {
    throw_invalid(fmt::format("{} key \"{}\" has key hash {:08x} but its key hashes to {:08x}", what, parts.name,
                              parts.key_hash, expected));
  }
}

}  // namespace

std::uint32_t ed25519_key_hash(std::string_view name, const PublicKey& public_key) {
  static constexpr std::uint8_t separator[2] = {'\n', ed25519_algorithm};
  const Hash digest = sha256({as_bytes(name), ByteView(separator), ByteView(public_key)});
  return (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) | (std::uint32_t{digest[2]} << 8) |
         digest[3];
}

SignerKey::SignerKey(std::string name, const Ed25519Seed& seed) : name_(std::move(name)) {
  check_key_name(name_, "signer key");
  ensure_sodium();
  if (crypto_sign_seed_keypair(public_key_.data(), secret_key_.data(), seed.data()) != 0) {
    throw Error(ErrorKind::internal, fmt::format("libsodium could not derive Ed25519 key \"{}\"", name_));
  }
  key_hash_ = ed25519_key_hash(name_, public_key_);
}

SignerKey::~SignerKey() { sodium_memzero(secret_key_.data(), secret_key_.size()); }

Ed25519Seed SignerKey::seed() const {
  Ed25519Seed seed{};
  std::copy_n(secret_key_.begin(), seed.size(), seed.begin());
  return seed;
}

VerifierKey SignerKey::verifier() const { return {name_, key_hash_, public_key_}; }

Ed25519Signature SignerKey::sign(ByteView message) const {
  Ed25519Signature signature{};
  if (crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_key_.data()) != 0) {
    throw Error(ErrorKind::internal, fmt::format("libsodium could not sign with key \"{}\"", name_));
  }
  return signature;
}

SignerKey generate_signer_key(std::string name) {
  check_key_name(name, "signer key");
  ensure_sodium();
  Ed25519Seed seed{};
  randombytes_buf(seed.data(), seed.size());
  SignerKey key(std::move(name), seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

std::string encode_verifier_key(const VerifierKey& key) {
  check_key_name(key.name, "verifier key");
  std::vector<std::uint8_t> material{ed25519_algorithm};
  material.insert(material.end(), key.public_key.begin(), key.public_key.end());
  return fmt::format("{}+{:08x}+{}", key.name, key.key_hash, to_base64(material));
}

std::string encode_signer_key(const SignerKey& key) {
  const Ed25519Seed seed = key.seed();
  std::vector<std::uint8_t> material{ed25519_algorithm};
  material.insert(material.end(), seed.begin(), seed.end());
  std::string out = fmt::format("{}{}+{:08x}+{}", private_prefix, key.name(), key.key_hash(), to_base64(material));
  sodium_memzero(material.data(), material.size());
  return out;
}

VerifierKey parse_verifier_key(std::string_view text) {
  if (text.starts_with(private_prefix)) {
    throw_invalid("this is a signer (private) key, not a verifier key; do not publish it");
  }
  const KeyParts parts = split_key(text, "verifier");
  if (parts.key.size() != 1 + PublicKey{}.size()) {
    throw_invalid(fmt::format("verifier key \"{}\" has {} key bytes; an Ed25519 public key has 32", parts.name,
                              parts.key.size() - 1));
  }
  VerifierKey key;
  key.name = std::string(parts.name);
  key.key_hash = parts.key_hash;
  std::copy(parts.key.begin() + 1, parts.key.end(), key.public_key.begin());
  check_key_hash(parts, key.public_key, "verifier");
  return key;
}

SignerKey parse_signer_key(std::string_view text) {
  if (!text.starts_with(private_prefix)) {
    throw_invalid("signer key must start with PRIVATE+KEY+");
  }
  KeyParts parts = split_key(text.substr(private_prefix.size()), "signer");
  const std::size_t material = parts.key.size() - 1;
  if (material != 32 && material != 64) {
    sodium_memzero(parts.key.data(), parts.key.size());
    throw_invalid(fmt::format("signer key \"{}\" has {} key bytes; an Ed25519 seed has 32 (or 64 with the public key)",
                              parts.name, material));
  }
  Ed25519Seed seed{};
  std::copy_n(parts.key.begin() + 1, seed.size(), seed.begin());
  SignerKey key(std::string(parts.name), seed);
  sodium_memzero(seed.data(), seed.size());
  const bool public_half_matches =
      material == 32 || std::equal(key.public_key().begin(), key.public_key().end(), parts.key.begin() + 33);
  sodium_memzero(parts.key.data(), parts.key.size());
  if (!public_half_matches) {
    throw_invalid(fmt::format("signer key \"{}\" is inconsistent: its public half does not match its seed", parts.name));
  }
  check_key_hash(parts, key.public_key(), "signer");
  return key;
}

bool ed25519_verify(const PublicKey& public_key, ByteView message, ByteView signature) {
  if (signature.size() != crypto_sign_BYTES) return false;
  ensure_sodium();
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), public_key.data()) == 0;
}

}  // namespace recall::ledger
