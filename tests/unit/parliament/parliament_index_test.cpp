// The Parliament index over the real data: lookups, postcodes, search and filters.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/parliament/text_fold.hpp"

namespace recall {
namespace {

const Parliament& index() {
  static const Parliament parliament(load_reference_data(RECALL_SOURCE_DIR "/data"));
  return parliament;
}

TEST(ParliamentIndex, ExamplePostcodeLooksUpItsConstituency) {
  const auto& postcodes = index().data().postcodes;
  // Streatham's example postcode, typed in lower case without a space, finds Streatham.
  std::string streatham_postcode;
  for (const auto& [postcode, code] : postcodes) {
    if (code == "E14000978") streatham_postcode = postcode;
  }
  ASSERT_FALSE(streatham_postcode.empty());
  std::string sloppy;
  for (const char c : streatham_postcode) {
    if (c != ' ') sloppy += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  const auto normalised = normalise_postcode(sloppy);
  ASSERT_TRUE(normalised);
  const auto found = postcodes.find(*normalised);
  ASSERT_NE(found, postcodes.end());
  EXPECT_EQ(index().constituency(found->second)->name, "Streatham");
  // The file also covers the 2024 constituencies: only the 650 loaded are kept, one postcode each.
  EXPECT_EQ(postcodes.size(), 650u);
  for (const auto& [postcode, code] : postcodes) EXPECT_NE(index().constituency(code), nullptr) << code;
}

TEST(ParliamentIndex, Lookups) {
  EXPECT_EQ(index().constituency("E14000978")->name, "Streatham");
  EXPECT_EQ(index().constituency("nope"), nullptr);
  EXPECT_EQ(index().member("nope"), nullptr);
  EXPECT_EQ(index().party("lab")->name, "Labour");
  EXPECT_EQ(index().party("tig")->name, "The Independent Group");
  EXPECT_EQ(index().party("nope"), nullptr);
  EXPECT_EQ(index().parliaments(), (std::vector<int>{2017, 2019}));
  const auto* now = index().member_for("E14000978");
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->parliament, 2019);
  EXPECT_EQ(now->name, "Bell Ribeiro-Addy");
}

TEST(ParliamentIndex, SearchByMemberName) {
  const auto hits = index().search("umunna");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, SearchHit::Kind::member);
  EXPECT_EQ(hits[0].id, "2017-E14000978");
  EXPECT_EQ(hits[0].label, "Chuka Umunna (Streatham, 2017)");
  EXPECT_EQ(index().search("UMUNNA CHUKA").at(0).id, "2017-E14000978");
}

TEST(ParliamentIndex, SearchByConstituencyNamePutsPrefixMatchesFirst) {
  const auto hits = index().search("streatham");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, SearchHit::Kind::constituency);
  EXPECT_EQ(hits[0].id, "E14000978");
  // "Bath" is a whole name; "Bath" elsewhere ("North East Bath...") would only be a word match.
  const auto bath = index().search("bath");
  ASSERT_FALSE(bath.empty());
  EXPECT_EQ(bath[0].label, "Bath");
  const auto north = index().search("north");
  ASSERT_GE(north.size(), 2u);
  for (const auto& hit : north) {
    if (hit.kind == SearchHit::Kind::constituency && !fold_for_search(hit.label).starts_with("north")) {
      // Once a non-prefix hit appears, no prefix hit may follow it.
      const auto it = std::find_if(north.begin(), north.end(), [&](const SearchHit& h) { return &h == &hit; });
      EXPECT_TRUE(std::none_of(it, north.end(), [](const SearchHit& later) {
        return later.kind == SearchHit::Kind::constituency && fold_for_search(later.label).starts_with("north");
      }));
      break;
    }
  }
}

TEST(ParliamentIndex, SearchIgnoresAccentsBothWays) {
  // The data spells the seat "Ynys Mon"; a search with the accent still finds it.
  EXPECT_EQ(index().search("Ynys M\xC3\xB4n").at(0).label, "Ynys Mon");
  EXPECT_EQ(index().search("ynys-mon").at(0).label, "Ynys Mon");
  // And the other way round: "Th\u00e9r\u00e8se Coffey" is found without accents.
  const auto coffey = index().search("therese coffey");
  ASSERT_FALSE(coffey.empty());
  EXPECT_EQ(coffey[0].kind, SearchHit::Kind::member);
  EXPECT_EQ(coffey[0].label.substr(0, 16), "Th\xC3\xA9r\xC3\xA8se Coffey");
  EXPECT_EQ(index().search("\xC3\x93RFHLAITH").at(0).label.substr(0, 17), "\xC3\x93rfhlaith Begley");
}

TEST(ParliamentIndex, SearchLimitAndNothing) {
  EXPECT_EQ(index().search("a", 5).size(), 5u);
  EXPECT_TRUE(index().search("   ").empty());
  EXPECT_TRUE(index().search("zzzzqqq").empty());
}

TEST(ParliamentIndex, FilterByPartyNationParliament) {
  MemberFilter tig;
  tig.party = "tig";
  EXPECT_TRUE(index().members(tig).empty());  // all had left or moved on by dissolution
  MemberFilter ind;
  ind.party = "ind";
  ind.parliament = 2017;
  const auto independents = index().members(ind);
  EXPECT_FALSE(independents.empty());
  for (const auto* member : independents) EXPECT_EQ(member->current_party(), "ind");
  EXPECT_TRUE(std::any_of(independents.begin(), independents.end(),
                          [](const Member* m) { return m->name == "Ian Austin"; }));

  MemberFilter scotland;
  scotland.nation = Nation::scotland;
  scotland.parliament = 2019;
  EXPECT_EQ(index().members(scotland).size(), 59u);
  MemberFilter ni;
  ni.nation = Nation::northern_ireland;
  EXPECT_EQ(index().members(ni).size(), 36u);
}

TEST(ParliamentIndex, FilterByNameSortsBySurname) {
  MemberFilter filter;
  filter.name_contains = "SMITH";
  const auto smiths = index().members(filter);
  ASSERT_GE(smiths.size(), 2u);
  for (std::size_t i = 1; i < smiths.size(); ++i) {
    const auto a = fold_for_search(smiths[i - 1]->name);
    const auto b = fold_for_search(smiths[i]->name);
    EXPECT_LE(a.substr(a.rfind(' ') + 1), b.substr(b.rfind(' ') + 1));
  }
  MemberFilter changed;
  changed.changed_party_only = true;
  changed.name_contains = "umunna";
  ASSERT_EQ(index().members(changed).size(), 1u);
}

TEST(TextFold, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(fold_for_search("Ynys M\xC3\xB4n"), "ynys mon");
  EXPECT_EQ(fold_for_search("Sinn F\xC3\xA9in"), "sinn fein");
  EXPECT_EQ(fold_for_search("  Ashton-under-Lyne "), "ashton under lyne");
  EXPECT_EQ(fold_for_search("O'Brien"), "obrien");
  EXPECT_EQ(fold_for_search("Stra\xC3\x9F" "e \xC5\x81\xC3\xB3" "d\xC5\xBA"), "strasse lodz");
  EXPECT_EQ(fold_for_search("\xFF\xFE"), "");
}

}  // namespace
}  // namespace recall
