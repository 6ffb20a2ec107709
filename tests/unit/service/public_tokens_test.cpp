// Confirmation links name their signature: the token carries the id and a secret whose hash the row
// keeps, and reading it back gives exactly those (service/public_tokens.hpp).
#include "service/public_tokens.hpp"

#include <gtest/gtest.h>

#include "core/auth/token.hpp"

namespace recall {
namespace {

TEST(PublicTokens, AConfirmationTokenReadsBackAsItsSignatureAndSecretHash) {
  const ConfirmSecret secret = issue_confirm_secret();
  for (const std::int64_t id : {std::int64_t{1}, std::int64_t{255}, std::int64_t{1} << 40, std::int64_t{9'000'000'001}}) {
    const std::string token = confirm_link_token(id, secret);
    EXPECT_TRUE(looks_like_token(token)) << token << ": the shape of every other link token";
    const std::optional<ConfirmToken> read = read_confirm_link_token(token);
    ASSERT_TRUE(read.has_value()) << token;
    EXPECT_EQ(read->signature_id, id);
    EXPECT_EQ(read->hash, secret.hash);
  }
}

TEST(PublicTokens, EachSecretIsNewAndOnlyItsHashIsKept) {
  const ConfirmSecret a = issue_confirm_secret();
  const ConfirmSecret b = issue_confirm_secret();
  EXPECT_NE(a.secret, b.secret);
  EXPECT_NE(a.hash, b.hash);
  EXPECT_NE(confirm_link_token(7, a), confirm_link_token(7, b));
}

TEST(PublicTokens, AChangedTokenNamesAnotherSecretOrNothing) {
  const ConfirmSecret secret = issue_confirm_secret();
  std::string token = confirm_link_token(42, secret);
  token[30] = token[30] == 'A' ? 'B' : 'A';  // inside the secret
  const auto read = read_confirm_link_token(token);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->signature_id, 42);
  EXPECT_NE(read->hash, secret.hash);
}

TEST(PublicTokens, JunkIsNoConfirmationToken) {
  EXPECT_FALSE(read_confirm_link_token(""));
  EXPECT_FALSE(read_confirm_link_token("not a token"));
  EXPECT_FALSE(read_confirm_link_token(std::string(42, 'A')));
  EXPECT_FALSE(read_confirm_link_token(std::string(44, 'A')));
  EXPECT_FALSE(read_confirm_link_token(std::string(42, 'A') + "!"));
}

}  // namespace
}  // namespace recall
