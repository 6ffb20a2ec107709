#include <gtest/gtest.h>

#include "core/auth/password.hpp"
#include "core/base/error.hpp"

namespace recall {
namespace {

std::string rule_failure(std::string_view password, std::string_view email) {
  try {
    check_password_rules(password, email);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.where()->field, "password");
    return error.message();
  }
  return "";
}

TEST(PasswordRules, LengthIsCountedInCharacters) {
  EXPECT_NE(rule_failure("short-one", "a@example.org").find("too short"), std::string::npos);
  EXPECT_EQ(rule_failure("twelve chars", "a@example.org"), "");
  // Eleven characters, but more than twelve bytes in UTF-8: still too short.
  EXPECT_NE(
      rule_failure("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
                   "a@example.org")
          .find("11 characters"),
      std::string::npos);
  EXPECT_NE(rule_failure(std::string(257, 'x'), "a@example.org").find("too long"), std::string::npos);
}

TEST(PasswordRules, NotTheEmail) {
  EXPECT_NE(rule_failure("Officer@Example.org", "officer@example.org").find("email"), std::string::npos);
  EXPECT_NE(rule_failure("petition.officer", "petition.officer@example.org").find("email"),
            std::string::npos);
}

TEST(PasswordHash, Argon2idVerifiesAndSalts) {
  const std::string first = hash_password("correct horse battery");
  const std::string second = hash_password("correct horse battery");
  EXPECT_EQ(first.rfind("$argon2id$", 0), 0U) << first;
  EXPECT_NE(first, second) << "each hash has its own salt";
  EXPECT_TRUE(verify_password(first, "correct horse battery"));
  EXPECT_FALSE(verify_password(first, "correct horse battery!"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse battery"));
  EXPECT_FALSE(password_needs_rehash(first));
}

TEST(PasswordHash, OtherLimitsNeedRehash) {
  // A hash with a lower memory cost (m=8192 KiB) than ours, as an older release might have stored.
  const std::string weaker =
      "$argon2id$v=19$m=8192,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
      "rDzHM9CNsIm6K0X2jYmFqBpxDcPy/LQtGQbx8rh3oG8";
  EXPECT_TRUE(password_needs_rehash(weaker));
  EXPECT_TRUE(password_needs_rehash("plain text"));
}

}  // namespace
}  // namespace recall
