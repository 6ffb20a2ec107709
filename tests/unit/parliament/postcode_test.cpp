// normalise_postcode: any reasonable spelling in, the canonical form out, shapes checked.
#include <gtest/gtest.h>

#include "core/parliament/parliament.hpp"

namespace recall {
namespace {

TEST(NormalisePostcode, AcceptsReasonableSpellings) {
  EXPECT_EQ(normalise_postcode("SW1A 1AA"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("  SW1A   1AA "), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("sw1a-1aa"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("\tsw1a\t1aa\r\n"), "SW1A 1AA");
}

TEST(NormalisePostcode, EveryOutwardShape) {
  EXPECT_EQ(normalise_postcode("m11ae"), "M1 1AE");      // A9
  EXPECT_EQ(normalise_postcode("b338th"), "B33 8TH");    // A99
  EXPECT_EQ(normalise_postcode("cr26xh"), "CR2 6XH");    // AA9
  EXPECT_EQ(normalise_postcode("dn551pt"), "DN55 1PT");  // AA99
  EXPECT_EQ(normalise_postcode("w1k1aa"), "W1K 1AA");    // A9A
  EXPECT_EQ(normalise_postcode("ec1a1bb"), "EC1A 1BB");  // AA9A
}

TEST(NormalisePostcode, Girobank) {
  EXPECT_EQ(normalise_postcode("gir0aa"), "GIR 0AA");
  EXPECT_EQ(normalise_postcode("GIR 0AA"), "GIR 0AA");
  EXPECT_FALSE(normalise_postcode("GIR 0AB"));
}

TEST(NormalisePostcode, RejectsWhatCannotBeAPostcode) {
  EXPECT_FALSE(normalise_postcode(""));
  EXPECT_FALSE(normalise_postcode("   "));
  EXPECT_FALSE(normalise_postcode("SW1A"));
  EXPECT_FALSE(normalise_postcode("SW1A 1AAA"));
  EXPECT_FALSE(normalise_postcode("12345"));
  EXPECT_FALSE(normalise_postcode("SW1A 1A1"));
  EXPECT_FALSE(normalise_postcode("QA1 1AA"));   // Q never starts a postcode
  EXPECT_FALSE(normalise_postcode("AI1 1AA"));   // I never second
  EXPECT_FALSE(normalise_postcode("W1I 1AA"));   // I is not a third-position letter
  EXPECT_FALSE(normalise_postcode("EC1C 1AA"));  // C is not a fourth-position letter
  EXPECT_FALSE(normalise_postcode("SW1A 1CA"));  // C, I, K, M, O, V never end a postcode
  EXPECT_FALSE(normalise_postcode("SW1A_1AA"));
  EXPECT_FALSE(normalise_postcode("SW1A 1\xC3\x81" "A"));
}

}  // namespace
}  // namespace recall
