#include <gtest/gtest.h>

#include <string>

#include "core/base/error.hpp"
#include "core/public_petition/petition_text.hpp"

namespace recall::public_petition {
namespace {

// The field and column an invalid text is reported at.
std::pair<std::string, int> where_refused(const PetitionText& text) {
  try {
    validate_petition_text(text);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    if (!error.where()) return {"", 0};
    return {error.where()->field, error.where()->column};
  }
  ADD_FAILURE() << "accepted: " << text.action;
  return {"", 0};
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

TEST(PetitionText, TrimsAndKeepsWhatWasMeant) {
  const PetitionText typed{"  Call a by-election in Peterborough\t",
                           "\r\nOur MP was convicted.\r\nWe want a say.  \n", ""};
  const PetitionText clean = validate_petition_text(typed);
  EXPECT_EQ(clean.action, "Call a by-election in Peterborough");
  EXPECT_EQ(clean.background, "Our MP was convicted.\nWe want a say.");
  EXPECT_EQ(clean.details, "");
}

TEST(PetitionText, CountsCharactersNotBytes) {
  // 80 two-byte characters are 160 bytes, and still within the action's 80.
  const std::string eighty = repeat("ô", 80);
  EXPECT_EQ(count_code_points(eighty), 80U);
  EXPECT_EQ(validate_petition_text(PetitionText{eighty, "Why", ""}).action, eighty);
  EXPECT_EQ(where_refused(PetitionText{eighty + "x", "Why", ""}),
            (std::pair<std::string, int>{"action", 81}));
  EXPECT_EQ(count_code_points("Ynys Môn 🏴"), 10U);  // the flag's base is one four-byte code point
}

TEST(PetitionText, EnforcesEachLimit) {
  EXPECT_NO_THROW(validate_petition_text(PetitionText{repeat("a", 80), repeat("b", 300), repeat("c", 800)}));
  EXPECT_EQ(where_refused(PetitionText{"Act", repeat("b", 301), ""}).first, "background");
  EXPECT_EQ(where_refused(PetitionText{"Act", "Why", repeat("c", 801)}).first, "details");
  const PetitionTextLimits tight{10, 10, 10};
  EXPECT_THROW(validate_petition_text(PetitionText{repeat("a", 11), "Why", ""}, tight), Error);
}

TEST(PetitionText, RequiresActionAndBackground) {
  EXPECT_EQ(where_refused(PetitionText{"   ", "Why", ""}).first, "action");
  EXPECT_EQ(where_refused(PetitionText{"Act", " \n ", ""}).first, "background");
}

TEST(PetitionText, RefusesControlAndDirectionCharacters) {
  EXPECT_EQ(where_refused(PetitionText{"Call a\nby-election", "Why", ""}),
            (std::pair<std::string, int>{"action", 7}));
  EXPECT_EQ(where_refused(PetitionText{"Act", std::string("Wh\0y", 4), ""}),
            (std::pair<std::string, int>{"background", 3}));
  EXPECT_EQ(where_refused(PetitionText{"Act", "Why", "a\x7f"}).first, "details");
  EXPECT_EQ(where_refused(PetitionText{"Act", "Why", "a\xc2\x85"}).first, "details");  // U+0085, a C1 control
  EXPECT_EQ(where_refused(PetitionText{"Act \xe2\x80\xae"
                                       "desrever",
                                       "Why", ""})
                .first,
            "action");  // U+202E
}

TEST(PetitionText, RefusesBrokenUtf8) {
  EXPECT_EQ(where_refused(PetitionText{"Act \xff", "Why", ""}).first, "action");
  EXPECT_EQ(where_refused(PetitionText{"Act", "\xc0\xaf", ""}).first, "background");          // overlong "/"
  EXPECT_EQ(where_refused(PetitionText{"Act", "\xed\xa0\x80", ""}).first, "background");      // a surrogate
  EXPECT_EQ(where_refused(PetitionText{"Act", "Why", "\xf4\x90\x80\x80"}).first, "details");  // past U+10FFFF
  EXPECT_EQ(where_refused(PetitionText{"Act \xe2\x80", "Why", ""}).first, "action");          // cut short
}

TEST(PetitionText, ErrorsSayWhatAndWhere) {
  try {
    validate_petition_text(PetitionText{repeat("a", 81), "Why", ""});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "action is 81 characters long; the limit is 80");
    EXPECT_EQ(error.where()->file, "form");
  }
}

}  // namespace
}  // namespace recall::public_petition
