#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/public_petition/petition_target.hpp"
#include "small_parliament.hpp"

namespace recall::public_petition {
namespace {

std::string refused_field(std::string_view member_id, std::string_view ons_code) {
  try {
    resolve_petition_target(member_id, ons_code, testing::small_parliament());
  } catch (const Error& error) {
    return error.where() ? error.where()->field : "";
  }
  return "accepted";
}

TEST(PetitionTarget, NeitherIsAPetitionAboutTheCountry) {
  EXPECT_EQ(resolve_petition_target("", "  ", testing::small_parliament()), PetitionTarget{});
}

TEST(PetitionTarget, AConstituencyByItsOnsCodeInAnyCase) {
  const PetitionTarget target = resolve_petition_target("", " e14000978 ", testing::small_parliament());
  EXPECT_EQ(target.ons_code, "E14000978");
  EXPECT_EQ(target.member_id, std::nullopt);
}

TEST(PetitionTarget, AnMpBringsTheirConstituency) {
  const PetitionTarget target = resolve_petition_target("2019-S14000051", "", testing::small_parliament());
  EXPECT_EQ(target.member_id, "2019-S14000051");
  EXPECT_EQ(target.ons_code, "S14000051");
  EXPECT_EQ(resolve_petition_target("2019-S14000051", "S14000051", testing::small_parliament()), target);
}

TEST(PetitionTarget, RefusesWhatParliamentDoesNotKnowOrWhatDisagrees) {
  EXPECT_EQ(refused_field("", "E1400097"), "constituency");   // too short
  EXPECT_EQ(refused_field("", "X14000978"), "constituency");  // no such nation letter
  EXPECT_EQ(refused_field("", "E14000001"), "constituency");  // the right shape, not a constituency
  EXPECT_EQ(refused_field("2017-E14000978", ""), "mp");
  EXPECT_EQ(refused_field("2019-S14000051", "E14000978"), "mp");
}

TEST(PetitionTarget, OnsCodeShape) {
  EXPECT_TRUE(is_ons_constituency_code("N06000001"));
  EXPECT_FALSE(is_ons_constituency_code("n06000001"));
  EXPECT_FALSE(is_ons_constituency_code("N0600000A"));
}

}  // namespace
}  // namespace recall::public_petition
