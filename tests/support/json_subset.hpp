#pragma once
// Golden cases pin only what they are about: every key of `expected` must be in `actual` with an
// equal value, objects compared recursively; anything else in `actual` is ignored.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace recall::testing {

inline void expect_json_subset(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path) {
  if (expected.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path << ": expected an object, got " << actual.dump();
    for (const auto& [key, value] : expected.items()) {
      ASSERT_TRUE(actual.contains(key)) << path << "." << key << " is missing in " << actual.dump(2);
      expect_json_subset(value, actual.at(key), path + "." + key);
    }
    return;
  }
  EXPECT_EQ(expected, actual) << "at " << path;
}

}  // namespace recall::testing
