#pragma once
// What the public petition contract tests build on: a petition as the core creates it, distinct token
// hashes, and signatures with every field filled in, so a test states only what it varies.
#include <cstdint>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace recall::contract {

// 2019-03-20T09:15:00Z: when the sample petitions are created.
constexpr std::int64_t public_epoch = 1'553'073'300;

// "Call a by-election in Peterborough", collecting sponsors since `created_at`, no target, the
// default rules' thresholds (10,000 and 100,000).
public_petition::PublicPetition sample_public_petition(std::int64_t created_at = public_epoch);

// A distinct hash for each n (not a real SHA-256: the store only keeps and compares the octets).
TokenHash sample_token(std::uint64_t n);
// The confirmation link of a signature add_signatures took: its id and the hash it was stored with.
ConfirmToken confirm_token_of(const SignatureInsert& inserted, const NewPublicSignature& signature);

// A counted signature of `petition_id` by "signer<n>@example.com" in Peterborough, from 198.51.100.7,
// created `n` seconds after public_epoch, with confirmation token sample_token(1000 + n).
NewPublicSignature sample_signature(std::int64_t petition_id, int n);

}  // namespace recall::contract
