// Loading the real reference data in data/.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"

namespace recall {
namespace {

const ReferenceData& real_data() {
  static const ReferenceData data = load_reference_data(RECALL_SOURCE_DIR "/data");
  return data;
}

const Parliament& real_parliament() {
  static const Parliament parliament(real_data());
  return parliament;
}

TEST(ReferenceData, HasThe650ConstituenciesByNation) {
  const auto& data = real_data();
  ASSERT_EQ(data.constituencies.size(), 650u);
  auto count = [&](Nation nation) {
    return std::count_if(data.constituencies.begin(), data.constituencies.end(),
                         [&](const Constituency& seat) { return seat.nation == nation; });
  };
  EXPECT_EQ(count(Nation::england), 533);
  EXPECT_EQ(count(Nation::scotland), 59);
  EXPECT_EQ(count(Nation::wales), 40);
  EXPECT_EQ(count(Nation::northern_ireland), 18);
  EXPECT_EQ(data.hexes.size(), 650u);
  EXPECT_EQ(data.postcodes.size(), 650u);
  EXPECT_EQ(data.source_digest.size(), 64u);
}

TEST(ReferenceData, StreathamResults) {
  const auto* seat = real_parliament().constituency("E14000978");
  ASSERT_NE(seat, nullptr);
  EXPECT_EQ(seat->name, "Streatham");
  EXPECT_EQ(seat->region, "London");
  EXPECT_EQ(seat->nation, Nation::england);
  ASSERT_EQ(seat->results.size(), 2u);
  const auto& r2017 = seat->results[0];
  EXPECT_EQ(r2017.year, 2017);
  EXPECT_EQ(r2017.held_on, make_date(2017, 6, 8));
  EXPECT_EQ(r2017.first_party, "lab");
  ASSERT_FALSE(r2017.votes.empty());
  EXPECT_EQ(r2017.votes.front().party, "lab");
  for (std::size_t i = 1; i < r2017.votes.size(); ++i) {
    EXPECT_GE(r2017.votes[i - 1].votes, r2017.votes[i].votes);
    EXPECT_GT(r2017.votes[i].votes, 0);
  }
  EXPECT_EQ(seat->results[1].year, 2019);
  EXPECT_EQ(seat->results[1].held_on, make_date(2019, 12, 12));
}

TEST(ReferenceData, VotesOfWinnersOfNoListedPartyAreTheirs) {
  const auto* buckingham = real_parliament().constituency("E14000608");
  ASSERT_NE(buckingham, nullptr);
  const auto& result = buckingham->results[0];
  EXPECT_EQ(result.first_party, "speaker");
  ASSERT_FALSE(result.votes.empty());
  EXPECT_EQ(result.votes.front().party, "speaker");
  EXPECT_EQ(result.votes.front().votes, 34299);
}

TEST(ReferenceData, ChukaUmunnaHistory) {
  const auto* member = real_parliament().member_for("E14000978", 2017);
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->id, "2017-E14000978");
  EXPECT_EQ(member->name, "Chuka Umunna");
  EXPECT_EQ(member->elected_party, "lab");
  ASSERT_EQ(member->history.size(), 4u);
  const auto& h = member->history;
  EXPECT_EQ(h[0].party, "lab");
  EXPECT_EQ(h[0].from, make_date(2017, 6, 8));
  EXPECT_EQ(h[0].to, make_date(2019, 2, 18));
  EXPECT_EQ(h[1].party, "tig");
  EXPECT_EQ(h[1].from, make_date(2019, 2, 18));
  EXPECT_EQ(h[1].to, make_date(2019, 6, 4));
  EXPECT_EQ(h[2].party, "ind");
  EXPECT_EQ(h[2].from, make_date(2019, 6, 4));
  // He joined the Liberal Democrats, known only from the party at dissolution: the Independent
  // spell's end is unknown and the last spell has no start, only "by 6 November 2019".
  EXPECT_FALSE(h[2].to.has_value());
  EXPECT_EQ(h[3].party, "ld");
  EXPECT_FALSE(h[3].from.has_value());
  EXPECT_EQ(h[3].from_known_by, make_date(2019, 11, 6));
  EXPECT_EQ(h[3].to, make_date(2019, 11, 6));
  EXPECT_EQ(member->served_until, make_date(2019, 11, 6));
  EXPECT_TRUE(member->changed_party());
}

TEST(ReferenceData, IanAustinLeftLabourOnADate) {
  const auto* member = real_parliament().member("2017-E14000671");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->name, "Ian Austin");
  ASSERT_EQ(member->history.size(), 2u);
  EXPECT_EQ(member->history[1].party, "ind");
  EXPECT_EQ(member->history[1].from, make_date(2019, 2, 22));
  EXPECT_EQ(member->history[1].to, make_date(2019, 11, 6));
}

TEST(ReferenceData, ChangeKnownOnlyFromTheDissolutionParty) {
  const auto* hoyle = real_parliament().member("2017-E14000637");
  ASSERT_NE(hoyle, nullptr);
  EXPECT_EQ(hoyle->name, "Lindsay Hoyle");
  ASSERT_EQ(hoyle->history.size(), 2u);
  EXPECT_EQ(hoyle->history[0].party, "lab");
  EXPECT_EQ(hoyle->history[0].from, make_date(2017, 6, 8));
  EXPECT_FALSE(hoyle->history[0].to);
  EXPECT_EQ(hoyle->history[1].party, "speaker");
  EXPECT_FALSE(hoyle->history[1].from);
  EXPECT_EQ(hoyle->history[1].from_known_by, make_date(2019, 11, 6));
  EXPECT_FALSE(hoyle->history[1].note.empty());
}

TEST(ReferenceData, VacantAtDissolutionIsNotAChange) {
  const auto* bercow = real_parliament().member("2017-E14000608");
  ASSERT_NE(bercow, nullptr);
  ASSERT_EQ(bercow->history.size(), 1u);
  EXPECT_EQ(bercow->current_party(), "speaker");
}

TEST(ReferenceData, MembersOf2019) {
  const auto* member = real_parliament().member("2019-W07000049");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->name, "Stephen Kinnock");
  EXPECT_EQ(member->elected_on, make_date(2019, 12, 12));
  EXPECT_EQ(member->elected_party, "lab");
  EXPECT_FALSE(member->served_until);
  MemberFilter filter;
  filter.parliament = 2019;
  EXPECT_EQ(real_parliament().members(filter).size(), 650u);
}

TEST(ReferenceData, HexesAndParties) {
  const auto& data = real_data();
  const auto hex = std::find_if(data.hexes.begin(), data.hexes.end(),
                                [](const HexCell& cell) { return cell.ons_code == "E14000530"; });
  ASSERT_NE(hex, data.hexes.end());
  EXPECT_EQ(hex->q, -3);
  EXPECT_EQ(hex->r, -11);
  EXPECT_EQ(hex->region, "SE");
  EXPECT_EQ(data.parties.size(), 17u);
}

TEST(ReferenceData, PeterboroughHasTwoMembersIn2017Parliament) {
  const auto& parliament = real_parliament();
  const auto members = parliament.members_for("E14000878");
  ASSERT_EQ(members.size(), 3u);  // Onasanya, Forbes, and the 2019 member
  EXPECT_EQ(members[0]->name, "Fiona Onasanya");
  EXPECT_EQ(members[0]->id, "2017-E14000878");
  EXPECT_EQ(members[0]->served_until, make_date(2019, 6, 6));
  EXPECT_EQ(members[1]->name, "Lisa Forbes");
  EXPECT_EQ(members[1]->id, "2017-E14000878-2019-06-06");
  EXPECT_EQ(members[1]->elected_on, make_date(2019, 6, 6));
  EXPECT_EQ(members[1]->served_until, make_date(2019, 11, 6));
  EXPECT_EQ(members[1]->elected_party, "lab");
  EXPECT_EQ(members[2]->parliament, 2019);
  EXPECT_EQ(parliament.member_for("E14000878", 2017), members[1]);
  EXPECT_EQ(parliament.member_for("E14000878"), members[2]);
}

TEST(ReferenceData, ByElectionsAreNotPartyChanges) {
  const auto& parliament = real_parliament();
  const auto* dodds = parliament.member("2017-W07000068-2019-08-01");
  ASSERT_NE(dodds, nullptr);
  EXPECT_EQ(dodds->name, "Jane Dodds");
  EXPECT_EQ(dodds->elected_party, "ld");
  EXPECT_FALSE(dodds->changed_party());
  const auto* davies = parliament.member("2017-W07000068");
  ASSERT_NE(davies, nullptr);
  EXPECT_EQ(davies->name, "Chris Davies");
  EXPECT_FALSE(davies->changed_party());
  EXPECT_EQ(davies->served_until, make_date(2019, 8, 1));
  EXPECT_NE(parliament.member("2017-E14000787-2018-06-14"), nullptr);
  EXPECT_NE(parliament.member("2017-W07000056-2019-04-04"), nullptr);
}

TEST(ReferenceData, MembersWhoseDissolutionPartyDiffers) {
  MemberFilter filter;
  filter.parliament = 2017;
  EXPECT_EQ(real_parliament().members(filter).size(), 654u);  // 650 + 4 by-election winners
  filter.changed_party_only = true;
  const auto changed = real_parliament().members(filter);
  // 47 seats had a different party at dissolution than in June 2017; Buckingham was vacant and
  // Brecon and Radnorshire changed hands at a by-election, which leaves 45 MPs.
  EXPECT_EQ(changed.size(), 45u);
  for (const auto* member : changed) EXPECT_NE(member->current_party(), member->elected_party) << member->name;
}

TEST(ReferenceData, WinnersTheCandidatesFileCannotGive) {
  const auto& parliament = real_parliament();
  EXPECT_EQ(parliament.member("2017-E14000607")->name, "Anna Soubry");
  EXPECT_EQ(parliament.member("2017-N06000013")->name, "Sylvia Hermon");
  EXPECT_EQ(parliament.member("2017-N06000013")->elected_party, "ind");
  EXPECT_EQ(parliament.member("2017-E14000608")->name, "John Bercow");
}

TEST(ReferenceData, ReloadingGivesTheSameDigest) {
  const auto again = load_reference_data(RECALL_SOURCE_DIR "/data");
  EXPECT_EQ(again.source_digest, real_data().source_digest);
}

}  // namespace
}  // namespace recall
