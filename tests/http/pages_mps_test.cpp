// The MPs list and its filters.
#include "pages_site.hpp"

namespace recall::http::testing {
namespace {

class MpsPages : public PagesTest {};

TEST_F(MpsPages, AllMpsOfBothParliaments) {
  const nlohmann::json body = client().get("/api/mps").json();
  EXPECT_EQ(body.at("count"), body.at("members").size());
  EXPECT_GE(body.at("count").get<int>(), 1300);
  const nlohmann::json only_2019 = client().get("/api/mps?parliament=2019").json();
  EXPECT_GE(only_2019.at("count").get<int>(), 650);
  for (const nlohmann::json& member : only_2019.at("members")) EXPECT_EQ(member.at("parliament"), 2019);
}

TEST_F(MpsPages, ChangedPartyFilter) {
  const nlohmann::json body = client().get("/api/mps?parliament=2017&changed=1").json();
  ASSERT_GT(body.at("count").get<int>(), 11);
  bool umunna = false;
  for (const nlohmann::json& member : body.at("members")) {
    EXPECT_TRUE(member.at("changed_party").get<bool>()) << member.dump();
    EXPECT_NE(member.at("party"), member.at("elected_party"));
    if (member.at("id") == "2017-E14000978") umunna = true;
  }
  EXPECT_TRUE(umunna);
  EXPECT_TRUE(body.at("filters").at("changed").get<bool>());
}

TEST_F(MpsPages, PartyAndNationFilters) {
  const nlohmann::json body = client().get("/api/mps?party=snp&nation=scotland&parliament=2019").json();
  ASSERT_GT(body.at("count").get<int>(), 40);
  for (const nlohmann::json& member : body.at("members")) {
    EXPECT_EQ(member.at("party"), "snp");
    EXPECT_EQ(member.at("parliament"), 2019);
  }
  const nlohmann::json none = client().get("/api/mps?party=snp&nation=wales").json();
  EXPECT_EQ(none.at("count"), 0);
}

TEST_F(MpsPages, BadFilterNamesTheField) {
  const ClientResponse party = client().get("/api/mps?party=whigs");
  EXPECT_EQ(party.status, 400);
  EXPECT_EQ(party.json().at("field"), "party");
  const ClientResponse nation = client().get("/api/mps?nation=atlantis");
  EXPECT_EQ(nation.status, 400);
  EXPECT_EQ(nation.json().at("field"), "nation");
}

TEST_F(MpsPages, HtmlTableWithTagsAndTheFormKeepsItsValues) {
  const ClientResponse page = client().get("/mps?parliament=2017&changed=1&party=ld", accept_html());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<h1 class=\"govuk-heading-l\">MPs</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"ld\" selected>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"changed\" name=\"changed\" type=\"checkbox\" value=\"1\" checked"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2017\" checked"), std::string::npos);
  EXPECT_NE(page.body.find("Chuka Umunna"), std::string::npos);
  EXPECT_NE(page.body.find("govuk-tag govuk-tag--orange\">Changed party</strong>"), std::string::npos);
  const std::size_t rows = count_of(page.body, "<a class=\"govuk-link\" href=\"/mps/2017-");
  const nlohmann::json body = client().get("/api/mps?parliament=2017&changed=1&party=ld").json();
  EXPECT_EQ(rows, body.at("count").get<std::size_t>());
}

}  // namespace
}  // namespace recall::http::testing
