#include <stdexcept>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"

namespace recall::contract {

TEST_P(StoreContract, TransactionCommitsWhenWorkReturns) {
  auto store = open();
  store->transaction([&] { store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}}); });
  EXPECT_EQ(store->postcodes().find_postcode("SW1A 1AA"), "E14000639");
}

TEST_P(StoreContract, TransactionRollbackLeavesNothing) {
  auto store = open();
  EXPECT_THROW(store->transaction([&] {
    store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}, {"WS4 1RE", "E14000531"}});
    EXPECT_EQ(store->postcodes().count_postcodes(), 2) << "the transaction sees its own writes";
    throw std::runtime_error("import failed half-way");
  }),
               std::runtime_error);
  EXPECT_EQ(store->postcodes().count_postcodes(), 0);
  EXPECT_EQ(store->postcodes().find_postcode("SW1A 1AA"), std::nullopt);
}

TEST_P(StoreContract, NestedTransactionsJoinTheOuterOne) {
  auto store = open();
  EXPECT_THROW(store->transaction([&] {
    store->transaction([&] { store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}}); });
    store->postcodes().upsert_postcodes({{"WS4 1RE", "E14000531"}});
    throw std::runtime_error("outer fails after the inner one returned");
  }),
               std::runtime_error);
  EXPECT_EQ(store->postcodes().count_postcodes(), 0) << "the inner work must not have committed on its own";

  store->transaction([&] {
    store->transaction([&] { store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}}); });
    store->postcodes().upsert_postcodes({{"WS4 1RE", "E14000531"}});
  });
  EXPECT_EQ(store->postcodes().count_postcodes(), 2);
}

TEST_P(StoreContract, FailedNestedTransactionDoomsTheOuterOne) {
  auto store = open();
  try {
    store->transaction([&] {
      store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}});
      try {
        store->transaction([&] { throw std::runtime_error("inner failure"); });
      } catch (const std::runtime_error&) {
        // Swallowed on purpose: the outer transaction must still not commit.
      }
    });
    FAIL() << "committing after a nested failure should throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::conflict);
  }
  EXPECT_EQ(store->postcodes().count_postcodes(), 0);
}

TEST_P(StoreContract, StoreIsUsableAfterARollback) {
  auto store = open();
  EXPECT_THROW(store->transaction([] { throw std::runtime_error("first"); }), std::runtime_error);
  store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}});
  EXPECT_EQ(store->postcodes().count_postcodes(), 1);
}

}  // namespace recall::contract
