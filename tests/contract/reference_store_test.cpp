#include <algorithm>
#include <stdexcept>

#include "contract/sample_reference_data.hpp"
#include "contract/store_contract.hpp"
#include "core/base/error.hpp"

namespace recall::contract {

namespace {

// Field-by-field, so a failure names what differs rather than "structs unequal".
void expect_same(const ReferenceData& actual, const ReferenceData& expected) {
  EXPECT_EQ(actual.source_digest, expected.source_digest);
  ASSERT_EQ(actual.parties.size(), expected.parties.size());
  for (std::size_t i = 0; i < expected.parties.size(); ++i) {
    SCOPED_TRACE("party " + expected.parties[i].code);
    EXPECT_EQ(actual.parties[i].code, expected.parties[i].code);
    EXPECT_EQ(actual.parties[i].name, expected.parties[i].name);
    EXPECT_EQ(actual.parties[i].colour, expected.parties[i].colour);
    EXPECT_EQ(actual.parties[i].text_colour, expected.parties[i].text_colour);
  }
  ASSERT_EQ(actual.constituencies.size(), expected.constituencies.size());
  for (std::size_t i = 0; i < expected.constituencies.size(); ++i) {
    const Constituency& a = actual.constituencies[i];
    const Constituency& e = expected.constituencies[i];
    SCOPED_TRACE("constituency " + e.ons_code);
    EXPECT_EQ(a.ons_code, e.ons_code);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.nation, e.nation);
    EXPECT_EQ(a.region, e.region);
    EXPECT_EQ(a.county, e.county);
    ASSERT_EQ(a.results.size(), e.results.size());
    for (std::size_t r = 0; r < e.results.size(); ++r) {
      const ElectionResult& ar = a.results[r];
      const ElectionResult& er = e.results[r];
      SCOPED_TRACE("result " + std::to_string(er.year));
      EXPECT_EQ(ar.year, er.year);
      EXPECT_EQ(ar.held_on, er.held_on);
      EXPECT_EQ(ar.result, er.result);
      EXPECT_EQ(ar.first_party, er.first_party);
      EXPECT_EQ(ar.second_party, er.second_party);
      EXPECT_EQ(ar.electorate, er.electorate);
      EXPECT_EQ(ar.valid_votes, er.valid_votes);
      EXPECT_EQ(ar.invalid_votes, er.invalid_votes);
      EXPECT_EQ(ar.majority, er.majority);
      ASSERT_EQ(ar.votes.size(), er.votes.size());
      for (std::size_t v = 0; v < er.votes.size(); ++v) {
        EXPECT_EQ(ar.votes[v].party, er.votes[v].party);
        EXPECT_EQ(ar.votes[v].votes, er.votes[v].votes);
      }
    }
  }
  ASSERT_EQ(actual.members.size(), expected.members.size());
  for (std::size_t i = 0; i < expected.members.size(); ++i) {
    const Member& a = actual.members[i];
    const Member& e = expected.members[i];
    SCOPED_TRACE("member " + e.id);
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.constituency, e.constituency);
    EXPECT_EQ(a.parliament, e.parliament);
    EXPECT_EQ(a.elected_on, e.elected_on);
    EXPECT_EQ(a.served_until, e.served_until);
    EXPECT_EQ(a.elected_party, e.elected_party);
    ASSERT_EQ(a.history.size(), e.history.size());
    for (std::size_t s = 0; s < e.history.size(); ++s) {
      EXPECT_EQ(a.history[s].party, e.history[s].party);
      EXPECT_EQ(a.history[s].from, e.history[s].from);
      EXPECT_EQ(a.history[s].to, e.history[s].to);
      EXPECT_EQ(a.history[s].from_known_by, e.history[s].from_known_by);
      EXPECT_EQ(a.history[s].note, e.history[s].note);
    }
  }
  ASSERT_EQ(actual.hexes.size(), expected.hexes.size());
  for (std::size_t i = 0; i < expected.hexes.size(); ++i) {
    EXPECT_EQ(actual.hexes[i].ons_code, expected.hexes[i].ons_code);
    EXPECT_EQ(actual.hexes[i].q, expected.hexes[i].q);
    EXPECT_EQ(actual.hexes[i].r, expected.hexes[i].r);
    EXPECT_EQ(actual.hexes[i].region, expected.hexes[i].region);
  }
  EXPECT_EQ(actual.postcodes, expected.postcodes);
}

}  // namespace

TEST_P(StoreContract, NothingLoadedAtFirst) {
  auto store = open();
  EXPECT_EQ(store->reference().loaded_digest(), std::nullopt);
  EXPECT_EQ(store->reference().load_reference_data(), std::nullopt);
}

TEST_P(StoreContract, ReferenceDataRoundTrips) {
  auto store = open();
  const ReferenceData data = sample_reference_data();
  EXPECT_TRUE(store->reference().replace_reference_data(data, false));
  EXPECT_EQ(store->reference().loaded_digest(), data.source_digest);
  auto loaded = store->reference().load_reference_data();
  ASSERT_TRUE(loaded.has_value());
  expect_same(*loaded, data);
}

TEST_P(StoreContract, ReferenceDataSurvivesReopening) {
  RECALL_REQUIRE_SHARED_DATABASE();
  const ReferenceData data = sample_reference_data();
  open()->reference().replace_reference_data(data, false);
  auto loaded = open()->reference().load_reference_data();
  ASSERT_TRUE(loaded.has_value());
  expect_same(*loaded, data);
}

TEST_P(StoreContract, OrderIsPreservedNotSorted) {
  auto store = open();
  ReferenceData data = sample_reference_data();
  std::reverse(data.parties.begin(), data.parties.end());
  std::reverse(data.constituencies.begin(), data.constituencies.end());
  std::reverse(data.members.begin(), data.members.end());
  std::reverse(data.hexes.begin(), data.hexes.end());
  std::reverse(data.constituencies[0].results[0].votes.begin(), data.constituencies[0].results[0].votes.end());
  store->reference().replace_reference_data(data, false);
  expect_same(store->reference().load_reference_data().value(), data);
}

TEST_P(StoreContract, ExamplePostcodesAreFoundInThePostcodeStore) {
  auto store = open();
  store->reference().replace_reference_data(sample_reference_data(), false);
  EXPECT_EQ(store->postcodes().find_postcode("SW16 1AA"), "E14000978");
  EXPECT_EQ(store->postcodes().find_postcode("BT9 5AA"), "N06000003");
  EXPECT_EQ(store->postcodes().count_postcodes(), 5);
}

TEST_P(StoreContract, ReloadWithTheSameDigestChangesNothing) {
  auto store = open();
  ReferenceData data = sample_reference_data();
  ASSERT_TRUE(store->reference().replace_reference_data(data, false));
  ReferenceData edited = data;
  edited.constituencies[0].name = "Streatham and Croydon North";
  EXPECT_FALSE(store->reference().replace_reference_data(edited, false));
  expect_same(store->reference().load_reference_data().value(), data);
}

TEST_P(StoreContract, ForceReloadReplacesEverything) {
  auto store = open();
  ReferenceData data = sample_reference_data();
  ASSERT_TRUE(store->reference().replace_reference_data(data, false));
  ReferenceData smaller = data;
  smaller.constituencies.resize(2);
  smaller.members.resize(2);
  smaller.hexes.resize(2);
  smaller.parties.pop_back();
  smaller.postcodes.erase("BT9 5AA");
  smaller.constituencies[0].name = "Streatham and Croydon North";
  EXPECT_TRUE(store->reference().replace_reference_data(smaller, true));
  expect_same(store->reference().load_reference_data().value(), smaller);
}

TEST_P(StoreContract, NewDigestReplacesWithoutForce) {
  auto store = open();
  ReferenceData data = sample_reference_data();
  ASSERT_TRUE(store->reference().replace_reference_data(data, false));
  data.source_digest = "0000000000000000000000000000000000000000000000000000000000000001";
  data.members.pop_back();
  EXPECT_TRUE(store->reference().replace_reference_data(data, false));
  EXPECT_EQ(store->reference().loaded_digest(), data.source_digest);
  expect_same(store->reference().load_reference_data().value(), data);
}

TEST_P(StoreContract, InvalidReferenceDataIsRejectedAndChangesNothing) {
  auto store = open();
  const ReferenceData data = sample_reference_data();
  ASSERT_TRUE(store->reference().replace_reference_data(data, false));

  ReferenceData duplicate = data;
  duplicate.source_digest = "another";
  duplicate.members.push_back(duplicate.members[0]);
  try {
    store->reference().replace_reference_data(duplicate, false);
    FAIL() << "a duplicate member id should be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    ASSERT_TRUE(error.where().has_value());
    EXPECT_EQ(error.where()->field, "id");
    EXPECT_NE(std::string(error.what()).find("2017-E14000978"), std::string::npos) << error.what();
  }

  ReferenceData no_history = data;
  no_history.source_digest = "another";
  no_history.members[1].history.clear();
  try {
    store->reference().replace_reference_data(no_history, false);
    FAIL() << "a member with no party spells should be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.where()->field, "history");
  }

  ReferenceData no_digest = data;
  no_digest.source_digest.clear();
  EXPECT_THROW(store->reference().replace_reference_data(no_digest, true), Error);

  expect_same(store->reference().load_reference_data().value(), data);
}

TEST_P(StoreContract, FailedReplaceRollsBackTheWholeLoad) {
  auto store = open();
  const ReferenceData data = sample_reference_data();
  ASSERT_TRUE(store->reference().replace_reference_data(data, false));
  // The replace joins the outer transaction, so the outer failure takes it back too.
  ReferenceData changed = data;
  changed.source_digest = "changed";
  changed.constituencies.pop_back();
  EXPECT_THROW(store->transaction([&] {
    store->reference().replace_reference_data(changed, false);
    throw std::runtime_error("import aborted");
  }),
               std::runtime_error);
  EXPECT_EQ(store->reference().loaded_digest(), data.source_digest);
  expect_same(store->reference().load_reference_data().value(), data);
}

}  // namespace recall::contract
