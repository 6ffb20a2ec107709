// The MP API an outside client checks (Streatham) and the MP and constituency pages.
#include "pages_site.hpp"

namespace recall::http::testing {
namespace {

class MpPages : public PagesTest {};

const nlohmann::json* recall_for(const nlohmann::json& body, const std::string& policy) {
  for (const nlohmann::json& entry : body.at("recall")) {
    if (entry.at("policy") == policy) return &entry;
  }
  return nullptr;
}

TEST_F(MpPages, StreathamDefaultsToTheParliamentInWhichItsMpChangedParty) {
  const ClientResponse reply = client().get("/api/constituencies/E14000978/mp");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("content-type").value_or(""), "application/json");
  const nlohmann::json body = reply.json();
  EXPECT_EQ(body.at("parliament"), 2017);
  EXPECT_EQ(body.at("id"), "2017-E14000978");
  EXPECT_EQ(body.at("name"), "Chuka Umunna");
  EXPECT_EQ(body.at("constituency"), "E14000978");
  EXPECT_EQ(body.at("elected_party"), "lab");
  EXPECT_NE(body.at("party"), "lab");
  EXPECT_TRUE(body.at("parliament_chosen_by").get<std::string>().starts_with("default"));

  const nlohmann::json& history = body.at("history");
  ASSERT_GE(history.size(), 3u);
  EXPECT_EQ(history[0].at("party"), "lab");
  EXPECT_EQ(history[0].at("party_name"), "Labour");
  EXPECT_EQ(history[1].at("party"), "tig");
  EXPECT_EQ(history[1].at("party_name"), "The Independent Group");
  EXPECT_EQ(history[1].at("from"), "2019-02-18");
  EXPECT_EQ(history[1].at("to"), "2019-06-04");
  EXPECT_EQ(history[2].at("party"), "ind");
  EXPECT_EQ(history[2].at("party_name"), "Independent");
  EXPECT_EQ(history[2].at("from"), "2019-06-04");
  for (const nlohmann::json& spell : history) {
    EXPECT_TRUE(spell.contains("from") && spell.contains("to")) << spell.dump();
    if (spell.at("from").is_null()) {
      EXPECT_TRUE(spell.contains("from_known_by")) << spell.dump();
    }
  }
}

TEST_F(MpPages, StreathamRecallUnderEachPolicy) {
  const nlohmann::json body = client().get("/api/constituencies/E14000978/mp").json();
  EXPECT_EQ(body.at("recall").size(), world().policies.size());

  const nlohmann::json* uk = recall_for(body, "uk-2015");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->at("condition_met"), false);
  EXPECT_FALSE(uk->at("reason").get<std::string>().empty());

  const nlohmann::json* change = recall_for(body, "uk-change-of-party");
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->at("condition_met"), true);
  EXPECT_FALSE(change->at("reason").get<std::string>().empty());
  const nlohmann::json& timetable = change->at("timetable");
  ASSERT_TRUE(timetable.is_object()) << change->dump();
  // Signing opens after the change of party on 18 February 2019 and lasts at least six weeks.
  const std::string designated = timetable.at("designated_day");
  const std::string end = timetable.at("signing_period_end");
  EXPECT_GT(designated, "2019-02-18");
  EXPECT_GT(end, designated);
  EXPECT_EQ(designated.size(), 10u);
}

TEST_F(MpPages, ParliamentCanBeChosen) {
  const nlohmann::json body = client().get("/api/constituencies/E14000978/mp?parliament=2019").json();
  EXPECT_EQ(body.at("parliament"), 2019);
  EXPECT_EQ(body.at("id"), "2019-E14000978");
  EXPECT_EQ(body.at("parliament_chosen_by"), "query");
}

TEST_F(MpPages, BadParliamentIsA400NamingTheField) {
  const ClientResponse reply = client().get("/api/constituencies/E14000978/mp?parliament=2015");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.header("content-type").value_or(""), "application/problem+json");
  EXPECT_EQ(reply.json().at("field"), "parliament");
}

TEST_F(MpPages, UnknownConstituencyOrMpIs404) {
  EXPECT_EQ(client().get("/api/constituencies/E99999999/mp").status, 404);
  EXPECT_EQ(client().get("/api/mps/2017-E99999999").status, 404);
  EXPECT_EQ(client().get("/mps/nobody", accept_html()).status, 404);
  EXPECT_EQ(client().get("/constituencies/nowhere", accept_html()).status, 404);
}

TEST_F(MpPages, MpPageShowsHistoryAndRecall) {
  const ClientResponse reply = client().get("/mps/2017-E14000978", accept_html());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(reply.body.find("<h1 class=\"govuk-heading-l\">Chuka Umunna</h1>"), std::string::npos);
  EXPECT_NE(reply.body.find("Party history</h2>"), std::string::npos);
  EXPECT_NE(reply.body.find("18 February 2019"), std::string::npos);
  EXPECT_NE(reply.body.find("by 6 November 2019, date not known"), std::string::npos);
  EXPECT_NE(reply.body.find("href=\"/constituencies/E14000978\""), std::string::npos);
  EXPECT_NE(reply.body.find("Designated day"), std::string::npos);
  EXPECT_NE(reply.body.find("Recall condition met"), std::string::npos);
}

TEST_F(MpPages, ConstituencyPageAndJson) {
  const ClientResponse page = client().get("/constituencies/E14000978", accept_html());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find(">Streatham</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("2017 general election</h2>"), std::string::npos);
  EXPECT_NE(page.body.find("2019 general election</h2>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/mps/2017-E14000978\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/mps/2019-E14000978\""), std::string::npos);
  // 2017: electorate 78,649; Labour 38,212 of 55,795 valid votes.
  EXPECT_NE(page.body.find(">78,649<"), std::string::npos);
  EXPECT_NE(page.body.find(">38,212<"), std::string::npos);
  EXPECT_NE(page.body.find(">68.5%<"), std::string::npos);

  const nlohmann::json body = client().get("/api/constituencies/E14000978").json();
  EXPECT_EQ(body.at("name"), "Streatham");
  EXPECT_EQ(body.at("nation"), "england");
  EXPECT_EQ(body.at("region"), "London");
  ASSERT_EQ(body.at("results").size(), 2u);
  const nlohmann::json& first = body.at("results")[0];
  EXPECT_EQ(first.at("year"), 2017);
  EXPECT_GT(first.at("electorate").get<long>(), 0);
  long total = 0;
  for (const nlohmann::json& row : first.at("votes")) total += row.at("votes").get<long>();
  EXPECT_EQ(total, first.at("valid_votes").get<long>());
  EXPECT_EQ(body.at("members").size(), 2u);
}

TEST_F(MpPages, ConstituenciesByNationAndRegion) {
  const nlohmann::json body = client().get("/api/constituencies").json();
  EXPECT_EQ(body.at("count"), 650);
  std::size_t seats = 0;
  for (const nlohmann::json& nation : body.at("nations")) {
    for (const nlohmann::json& region : nation.at("regions")) seats += region.at("constituencies").size();
  }
  EXPECT_EQ(seats, 650u);
  EXPECT_EQ(body.at("nations")[0].at("name"), "England");
  const ClientResponse page = client().get("/constituencies", accept_html());
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1 class=\"govuk-heading-l\">Constituencies</h1>"), std::string::npos);
  EXPECT_EQ(count_of(page.body, "href=\"/constituencies/"), 650u);
}

}  // namespace
}  // namespace recall::http::testing
