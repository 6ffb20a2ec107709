// The hexmap: 650 linked hexes drawn on the server, changed-party marks and the list under the map.
#include "pages_site.hpp"

namespace recall::http::testing {
namespace {

class MapPages : public PagesTest {};

TEST_F(MapPages, SvgHasAHexLinkPerConstituency) {
  const ClientResponse page = client().get("/map?parliament=2017", accept_html());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<h1 class=\"govuk-heading-l\">Map of MPs by party</h1>"), std::string::npos);
  const std::size_t svg_start = page.body.find("<svg class=\"recall-hexmap__svg\"");
  ASSERT_NE(svg_start, std::string::npos);
  const std::string svg = page.body.substr(svg_start, page.body.find("</svg>", svg_start) - svg_start);
  EXPECT_EQ(count_of(svg, "<a href=\""), 650u);
  EXPECT_EQ(count_of(svg, "<polygon "), 650u);
  EXPECT_EQ(count_of(svg, "<title>"), 650u);  // one per hex
  EXPECT_NE(svg.find("<title id=\"hexmap-title\">"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/mps/2017-E14000978\" class=\"recall-hex recall-hex--changed\""), std::string::npos);
  EXPECT_EQ(page.body.find("style="), std::string::npos);
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_NE(page.body.find("<details class=\"govuk-details\">"), std::string::npos);
}

TEST_F(MapPages, JsonLayoutWithPartyPerHex) {
  const nlohmann::json body = client().get("/api/hexmap?parliament=2017").json();
  EXPECT_EQ(body.at("layout"), "odd-r");
  ASSERT_EQ(body.at("hexes").size(), 650u);
  long changed = 0;
  for (const nlohmann::json& hex : body.at("hexes")) {
    EXPECT_FALSE(hex.at("party").get<std::string>().empty());
    EXPECT_EQ(hex.at("colour").get<std::string>().front(), '#');
    if (hex.at("changed_party").get<bool>()) ++changed;
    if (hex.at("ons_code") == "E14000978") {
      EXPECT_EQ(hex.at("member_id"), "2017-E14000978");
      EXPECT_TRUE(hex.at("changed_party").get<bool>());
    }
  }
  EXPECT_EQ(body.at("changed_count").get<long>(), changed);
  EXPECT_GT(changed, 11);
  std::size_t listed = 0;
  for (const nlohmann::json& party : body.at("by_party")) listed += party.at("constituencies").size();
  EXPECT_EQ(listed, 650u);
}

TEST_F(MapPages, OddRowsAreShiftedRightByHalfAHex) {
  const nlohmann::json body = client().get("/api/hexmap").json();
  EXPECT_EQ(body.at("parliament"), 2019);
  const nlohmann::json& hexes = body.at("hexes");
  // Two hexes in the same column, one on an even and one on an odd row: x differs by half a width.
  bool checked = false;
  for (const nlohmann::json& a : hexes) {
    for (const nlohmann::json& b : hexes) {
      if (a.at("q") == b.at("q") && a.at("r").get<int>() % 2 == 0 && b.at("r").get<int>() % 2 != 0) {
        EXPECT_NEAR(b.at("x").get<double>() - a.at("x").get<double>(), 8.66, 0.02);
        checked = true;
        break;
      }
    }
    if (checked) break;
  }
  EXPECT_TRUE(checked);
}

}  // namespace
}  // namespace recall::http::testing
