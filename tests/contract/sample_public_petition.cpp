#include "contract/sample_public_petition.hpp"

#include <fmt/format.h>

namespace recall::contract {

namespace pp = public_petition;

pp::PublicPetition sample_public_petition(std::int64_t created_at) {
  const pp::PetitionText text = pp::validate_petition_text(
      {"Call a by-election in Peterborough",
       "Our MP was convicted of perverting the course of justice and has not resigned.", ""});
  return pp::create_public_petition(text, pp::PetitionTarget{}, pp::PetitionRules{}, created_at);
}

ConfirmToken confirm_token_of(const SignatureInsert& inserted, const NewPublicSignature& signature) {
  return ConfirmToken{inserted.id.value_or(0), signature.confirm_token_hash};
}

TokenHash sample_token(std::uint64_t n) {
  // splitmix64, four outputs: distinct inputs give distinct hashes.
  TokenHash token{};
  std::uint64_t state = n;
  for (std::size_t word = 0; word < 4; ++word) {
    state += 0x9E37'79B9'7F4A'7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
    z ^= z >> 31;
    for (std::size_t i = 0; i < 8; ++i) token[word * 8 + i] = static_cast<std::uint8_t>(z >> (8 * i));
  }
  return token;
}

NewPublicSignature sample_signature(std::int64_t petition_id, int n) {
  return NewPublicSignature{petition_id,
                            fmt::format("Signer {}", n),
                            pp::parse_email_address(fmt::format("signer{}@example.com", n)),
                            "PE1 1AA",
                            std::string("E14000864"),
                            pp::parse_ip_address("198.51.100.7"),
                            true,
                            false,
                            pp::Screening{},
                            sample_token(1000 + static_cast<std::uint64_t>(n)),
                            public_epoch + n};
}

}  // namespace recall::contract
