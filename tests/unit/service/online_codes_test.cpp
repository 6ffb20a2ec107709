// The one-time codes and receipts of online signing.
#include <gtest/gtest.h>

#include <set>

#include "service/online_codes.hpp"

namespace recall {
namespace {

TEST(OnlineCodes, OneTimeCodesAreSixDigits) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string code = new_one_time_code();
    EXPECT_TRUE(is_one_time_code_shape(code)) << code;
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 190U);  // a million values: 200 draws almost never repeat more than a few
}

TEST(OnlineCodes, CodeShape) {
  EXPECT_TRUE(is_one_time_code_shape("000000"));
  EXPECT_TRUE(is_one_time_code_shape("123456"));
  EXPECT_FALSE(is_one_time_code_shape("12345"));
  EXPECT_FALSE(is_one_time_code_shape("1234567"));
  EXPECT_FALSE(is_one_time_code_shape("12345a"));
  EXPECT_FALSE(is_one_time_code_shape(" 12345"));
}

TEST(OnlineCodes, CodeHashIsSha256Hex) {
  // SHA-256("123456"), as `printf 123456 | sha256sum` gives it.
  EXPECT_EQ(one_time_code_hash("123456"), "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92");
}

TEST(OnlineCodes, ReceiptGrouping) {
  EXPECT_EQ(group_receipt_code("ABCDEFGHIJ"), "ABCD-EFGH-IJ");
  EXPECT_EQ(group_receipt_code("ABCD"), "ABCD");
  EXPECT_EQ(group_receipt_code(""), "");
}

}  // namespace
}  // namespace recall
