#pragma once
// Ed25519 keys in the C2SP signed-note encodings:
//   verifier  <name>+<hex key hash>+<base64(0x01 || 32-byte public key)>
//   signer    PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || 32-byte seed)>
// The key hash, the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), lets a verifier
// pick out the signature made by its key from the lines of a note.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/ledger/bytes.hpp"

namespace recall::ledger {

inline constexpr std::uint8_t ed25519_algorithm = 0x01;
using PublicKey = std::array<std::uint8_t, 32>;
using Ed25519Seed = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

[[nodiscard]] std::uint32_t ed25519_key_hash(std::string_view name, const PublicKey& public_key);

struct VerifierKey {
  std::string name;
  std::uint32_t key_hash = 0;
  PublicKey public_key{};

  friend bool operator==(const VerifierKey&, const VerifierKey&) = default;
};

// Holds the secret key; its memory is wiped when the object goes.
class SignerKey {
 public:
  // Throws recall::Error (invalid_input) if name is not a valid key name.
  SignerKey(std::string name, const Ed25519Seed& seed);
  SignerKey(const SignerKey&) = default;
  SignerKey& operator=(const SignerKey&) = default;
  ~SignerKey();

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] std::uint32_t key_hash() const noexcept { return key_hash_; }
  [[nodiscard]] const PublicKey& public_key() const noexcept { return public_key_; }
  [[nodiscard]] Ed25519Seed seed() const;
  [[nodiscard]] VerifierKey verifier() const;
  [[nodiscard]] Ed25519Signature sign(ByteView message) const;

 private:
  std::string name_;
  std::uint32_t key_hash_ = 0;
  std::array<std::uint8_t, 64> secret_key_{};  // libsodium's form: seed || public key
  PublicKey public_key_{};
};

// A new key from the operating system's randomness.
[[nodiscard]] SignerKey generate_signer_key(std::string name);

[[nodiscard]] std::string encode_verifier_key(const VerifierKey& key);
[[nodiscard]] std::string encode_signer_key(const SignerKey& key);

// Both throw recall::Error (invalid_input) naming the part that is wrong: the layout, the name, the
// hex key hash, the base64, the algorithm byte, the key length, or a key hash that does not match.
[[nodiscard]] VerifierKey parse_verifier_key(std::string_view text);
// Accepts the 32-byte seed (what encode_signer_key writes) or libsodium's 64-byte secret key.
[[nodiscard]] SignerKey parse_signer_key(std::string_view text);

// True if signature is a valid Ed25519 signature of message by public_key.
[[nodiscard]] bool ed25519_verify(const PublicKey& public_key, ByteView message, ByteView signature);

}  // namespace recall::ledger
