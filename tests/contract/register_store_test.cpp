// RegisterStore contract: import in one transaction, load back in file order, latest per constituency.
#include <stdexcept>
#include <vector>

#include "contract/store_contract.hpp"
#include "core/base/error.hpp"
#include "core/register/synth.hpp"

namespace recall::contract {

namespace {

std::vector<RegisterEntry> sample_register(long electors) {
  return synthesise_register({"PE1", "Peterborough", electors, 11, make_date(2019, 3, 5), make_date(2019, 5, 1)});
}

std::int64_t import_all(Store& store, const std::string& ons, const std::vector<RegisterEntry>& entries) {
  std::size_t i = 0;
  return store.registers().import_register(ons, "sample.csv", 1'552'000'000, [&](RegisterEntry& out) {
    if (i == entries.size()) return false;
    out = entries[i++];
    return true;
  });
}

}  // namespace

TEST_P(StoreContract, RegisterImportsAndLoadsBackInOrder) {
  auto store = open();
  EXPECT_EQ(store->registers().latest_register("E14000864"), std::nullopt);
  // Big enough to span several flushes; includes deletions and corrections of earlier entries.
  const auto entries = sample_register(9'000);
  const std::int64_t id = import_all(*store, "E14000864", entries);
  const auto info = store->registers().latest_register("E14000864");
  ASSERT_TRUE(info);
  EXPECT_EQ(*info, (RegisterInfo{id, "E14000864", 1'552'000'000, "sample.csv", static_cast<std::int64_t>(entries.size())}));
  EXPECT_EQ(store->registers().load_register(id), entries);
  EXPECT_EQ(store->registers().latest_register("E14000001"), std::nullopt);
}

TEST_P(StoreContract, LaterRegisterImportIsTheLatest) {
  auto store = open();
  const std::int64_t first = import_all(*store, "E14000864", sample_register(10));
  const std::int64_t second = import_all(*store, "E14000864", sample_register(20));
  EXPECT_GT(second, first);
  EXPECT_EQ(store->registers().latest_register("E14000864")->id, second);
  EXPECT_EQ(store->registers().load_register(first), sample_register(10));
}

TEST_P(StoreContract, FailedRegisterImportKeepsNothing) {
  auto store = open();
  const auto entries = sample_register(6'000);
  std::size_t i = 0;
  EXPECT_THROW(store->registers().import_register("E14000864", "bad.csv", 1, [&](RegisterEntry& out) {
    if (i == 5'000) throw_invalid("bad line");  // after the first flush reached the database
    out = entries[i++];
    return true;
  }), Error);
  EXPECT_EQ(store->registers().latest_register("E14000864"), std::nullopt);
}

TEST_P(StoreContract, UnknownRegisterIsNotFound) {
  auto store = open();
  try {
    store->registers().load_register(42);
    FAIL() << "expected not_found";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
  }
}

}  // namespace recall::contract
