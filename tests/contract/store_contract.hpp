#pragma once
// The fixture every contract test uses: TEST_P(StoreContract, …) runs once per backend.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "contract/test_database.hpp"
#include "store/store.hpp"

namespace recall::contract {

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string why;
    database_ = make_test_database(GetParam(), why);
    if (!database_) {
      const char* ci = std::getenv("CI");
      if (ci != nullptr && *ci != '\0') FAIL() << "CI is set, so the PostgreSQL contract tests must run: " << why;
      GTEST_SKIP() << why;
    }
  }

  // Opening migrates, so a test may open only for that effect.
  std::unique_ptr<Store> open() const { return open_store(database_->url()); }
  [[nodiscard]] TestDatabase& database() const { return *database_; }

  // For tests that reopen or inspect the database from outside the store.
  [[nodiscard]] bool skip_unless_shared() const { return !database_->shared(); }

 private:
  std::unique_ptr<TestDatabase> database_;
};

#define RECALL_REQUIRE_SHARED_DATABASE()                                                             \
  do {                                                                                               \
    if (skip_unless_shared()) GTEST_SKIP() << "an in-memory SQLite database cannot be reopened or " \
                                              "inspected from another connection";                 \
  } while (false)

}  // namespace recall::contract
