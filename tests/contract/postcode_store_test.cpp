#include <thread>
#include <vector>

#include <fmt/format.h>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"

namespace recall::contract {

namespace {

// Synthetic but well-formed postcodes: "AB1 0AA" … spread over a few constituencies.
std::vector<PostcodeRow> synthetic_postcodes(std::size_t count, std::size_t offset = 0) {
  std::vector<PostcodeRow> rows;
  rows.reserve(count);
  for (std::size_t i = offset; i < offset + count; ++i) {
    const char inward_a = static_cast<char>('A' + (i / 26) % 26);
    const char inward_b = static_cast<char>('A' + i % 26);
    rows.push_back({fmt::format("AB{} {}{}{}", i / 6760 + 1, (i / 676) % 10, inward_a, inward_b),
                    fmt::format("E14000{:03}", 530 + i % 7)});
  }
  return rows;
}

}  // namespace

TEST_P(StoreContract, UpsertThenFind) {
  auto store = open();
  auto& postcodes = store->postcodes();
  EXPECT_EQ(postcodes.count_postcodes(), 0);
  EXPECT_EQ(postcodes.find_postcode("SW1A 1AA"), std::nullopt);
  postcodes.upsert_postcodes({{"SW1A 1AA", "E14000639"}, {"GU14 9YY", "E14000530"}});
  EXPECT_EQ(postcodes.find_postcode("SW1A 1AA"), "E14000639");
  EXPECT_EQ(postcodes.find_postcode("GU14 9YY"), "E14000530");
  EXPECT_EQ(postcodes.find_postcode("GU149YY"), std::nullopt) << "lookups take the normalised form only";
  EXPECT_EQ(postcodes.count_postcodes(), 2);
}

TEST_P(StoreContract, UpsertReplacesExistingRows) {
  auto store = open();
  auto& postcodes = store->postcodes();
  postcodes.upsert_postcodes({{"SW1A 1AA", "E14000639"}});
  postcodes.upsert_postcodes({{"SW1A 1AA", "E14000540"}, {"WS4 1RE", "E14000531"}});
  EXPECT_EQ(postcodes.find_postcode("SW1A 1AA"), "E14000540");
  EXPECT_EQ(postcodes.count_postcodes(), 2);
}

TEST_P(StoreContract, LaterDuplicateInOneBatchWins) {
  auto store = open();
  store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}, {"WS4 1RE", "E14000531"}, {"SW1A 1AA", "E14000540"}});
  EXPECT_EQ(store->postcodes().find_postcode("SW1A 1AA"), "E14000540");
  EXPECT_EQ(store->postcodes().count_postcodes(), 2);
}

TEST_P(StoreContract, LargeBatchesImportCompletely) {
  auto store = open();
  // Not a multiple of any chunk size, so the remainder path runs too.
  const auto first = synthetic_postcodes(25'013);
  const auto second = synthetic_postcodes(10'007, 20'000);  // overlaps the first by 5,013 rows
  store->transaction([&] {
    store->postcodes().upsert_postcodes(first);
    store->postcodes().upsert_postcodes(second);
  });
  EXPECT_EQ(store->postcodes().count_postcodes(), 30'007);
  EXPECT_EQ(store->postcodes().find_postcode(first.front().postcode), first.front().ons_code);
  EXPECT_EQ(store->postcodes().find_postcode(first[12'345].postcode), first[12'345].ons_code);
  EXPECT_EQ(store->postcodes().find_postcode(second.back().postcode), second.back().ons_code);
}

TEST_P(StoreContract, EmptyBatchIsFine) {
  auto store = open();
  store->postcodes().upsert_postcodes({});
  EXPECT_EQ(store->postcodes().count_postcodes(), 0);
}

TEST_P(StoreContract, BadPostcodeRowsAreRejectedWholesale) {
  auto store = open();
  try {
    store->postcodes().upsert_postcodes({{"SW1A 1AA", "E14000639"}, {"WS4 1RE", ""}});
    FAIL() << "an empty constituency code should be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where().has_value());
    EXPECT_EQ(error.where()->field, "ons_code");
    EXPECT_NE(error.message().find("row 2"), std::string::npos) << error.message();
  }
  EXPECT_EQ(store->postcodes().count_postcodes(), 0);
}

TEST_P(StoreContract, ConcurrentUseFromSeveralThreads) {
  auto store = open();
  constexpr int writers = 4;
  constexpr std::size_t per_writer = 500;
  std::vector<std::thread> threads;
  std::vector<std::string> failures(writers);
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      try {
        const auto rows = synthetic_postcodes(per_writer, static_cast<std::size_t>(w) * per_writer);
        for (std::size_t i = 0; i < rows.size(); i += 50) {
          std::vector<PostcodeRow> batch(rows.begin() + static_cast<std::ptrdiff_t>(i),
                                         rows.begin() + static_cast<std::ptrdiff_t>(i + 50));
          store->transaction([&] { store->postcodes().upsert_postcodes(batch); });
          if (store->postcodes().find_postcode(batch.back().postcode) != batch.back().ons_code) {
            throw std::runtime_error("a committed row was not found by the thread that wrote it");
          }
        }
      } catch (const std::exception& error) {
        failures[static_cast<std::size_t>(w)] = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) EXPECT_EQ(failure, "");
  EXPECT_EQ(store->postcodes().count_postcodes(), static_cast<std::int64_t>(writers * per_writer));
}

}  // namespace recall::contract
