// Canonical parties, their colours, and the spelling table in data/party-spellings.csv.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/parliament/parties.hpp"

namespace recall {
namespace {

PartySpellings real_spellings() {
  std::ifstream in(RECALL_SOURCE_DIR "/data/party-spellings.csv");
  return PartySpellings::read(in, "data/party-spellings.csv");
}

TEST(Parties, EveryCanonicalCodeIsPresentOnce) {
  const std::vector<std::string> codes = {"con", "lab",  "ld",       "snp",  "pc",     "green", "dup", "sf",     "sdlp",
                                          "uup", "alliance", "ukip", "brexit", "tig", "ind",   "speaker", "other"};
  ASSERT_EQ(canonical_parties().size(), codes.size());
  for (const auto& code : codes) {
    const auto* party = find_canonical_party(code);
    ASSERT_NE(party, nullptr) << code;
    EXPECT_FALSE(party->name.empty());
  }
  EXPECT_EQ(find_canonical_party("xyz"), nullptr);
}

TEST(Parties, TextColourIsTheMoreReadableOfBlackAndWhite) {
  for (const auto& party : canonical_parties()) {
    ASSERT_TRUE(party.text_colour == "#000000" || party.text_colour == "#ffffff") << party.code;
    const auto other = party.text_colour == "#000000" ? "#ffffff" : "#000000";
    EXPECT_GE(contrast_ratio(party.colour, party.text_colour), contrast_ratio(party.colour, other)) << party.code;
    EXPECT_GE(contrast_ratio(party.colour, party.text_colour), 4.5) << party.code;
  }
}

TEST(Parties, ContrastRatio) {
  EXPECT_NEAR(contrast_ratio("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#777777", "#777777"), 1.0, 1e-9);
  EXPECT_THROW(contrast_ratio("red", "#000000"), Error);
  EXPECT_THROW(contrast_ratio("#gggggg", "#000000"), Error);
}

TEST(PartySpellings, MapsEverySpellingInTheData) {
  const auto spellings = real_spellings();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Con", "con"}, {"Lab", "lab"}, {"LD", "ld"}, {"SNP", "snp"}, {"PC", "pc"}, {"Green", "green"},
      {"DUP", "dup"}, {"SF", "sf"}, {"SDLP", "sdlp"}, {"UUP", "uup"}, {"Alliance", "alliance"}, {"APNI", "alliance"},
      {"Spk", "speaker"}, {"Ind", "ind"}, {"BRX", "brexit"}, {"UKIP", "ukip"},
      {"Conservative and Unionist Party", "con"}, {"Labour and Co-operative Party", "lab"},
      {"Speaker seeking re-election", "speaker"}, {"Labour", "lab"}, {"Conservative", "con"},
      {"The Independent Group", "tig"}, {"Independent", "ind"}, {"Sinn F\xC3\xA9in", "sf"},
      {"  liberal democrats ", "ld"}, {"Official Monster Raving Loony Party", "other"}};
  for (const auto& [spelling, code] : expected) EXPECT_EQ(spellings.find(spelling), code) << spelling;
  EXPECT_FALSE(spellings.find("Pirate Cats"));
}

TEST(PartySpellings, UnknownSpellingIsAnErrorAtTheGivenPlace) {
  const auto spellings = real_spellings();
  try {
    (void)spellings.require("Pirate Cats", SourceLocation{"data/x.csv", 7, 3, "party"});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->line, 7);
    EXPECT_EQ(error.where()->field, "party");
    EXPECT_NE(error.message().find("Pirate Cats"), std::string::npos);
  }
}

TEST(PartySpellings, BadTableRows) {
  std::istringstream unknown_code("spelling,party\nCon,con\nLabour,labr\n");
  try {
    (void)PartySpellings::read(unknown_code, "s.csv");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.where()->line, 3);
    EXPECT_EQ(error.where()->column, 8);
    EXPECT_EQ(error.where()->field, "party");
  }
  std::istringstream conflict("spelling,party\nCon,con\ncon,lab\n");
  EXPECT_THROW((void)PartySpellings::read(conflict, "s.csv"), Error);
}

}  // namespace
}  // namespace recall
