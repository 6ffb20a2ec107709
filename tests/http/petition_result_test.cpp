// The public notice of the result: the same page and status in every phase before the declaration,
// then the figures of s.14; and the officer's count, Speaker and declaration steps through the web.
#include "petition_world.hpp"

namespace recall::http::testing {
namespace {

class ResultNotice : public ::testing::Test {
 protected:
  PetitionWorld world{utc("2019-03-06T10:00")};
  std::int64_t id = 0;
  std::string result_path;

  void SetUp() override {
    id = world.open_peterborough(world.sign_in("officer"));
    result_path = "/petitions/" + std::to_string(id) + "/result";
  }

  std::pair<ClientResponse, ClientResponse> result_pages() {
    const Browser nobody;
    return {world.get(nobody, result_path), world.get(nobody, "/api" + result_path, true)};
  }

  void expect_unchanged(const std::pair<ClientResponse, ClientResponse>& before, const std::string& when) {
    const auto now = result_pages();
    EXPECT_EQ(now.first.status, 200) << when;
    EXPECT_EQ(now.first.body, before.first.body) << when;
    EXPECT_EQ(now.second.body, before.second.body) << when;
    EXPECT_EQ(now.first.headers, before.first.headers) << when;
  }

  ClientResponse step(const Browser& officer, const std::string& name) {
    return world.post(officer, "/petitions/" + std::to_string(id) + "/" + name, "", true);
  }
};

TEST_F(ResultNotice, SameAnswerInEveryPhaseUntilDeclaredThenTheFigures) {
  const auto opened = result_pages();
  ASSERT_EQ(opened.first.status, 200);
  EXPECT_NE(opened.first.body.find("The result has not been declared"), std::string::npos);
  EXPECT_EQ(opened.second.json().at("declared"), false);
  EXPECT_FALSE(opened.second.json().contains("result"));

  world.set_time(utc("2019-03-19T10:00"));
  const Browser clerk = world.sign_in("clerk");
  const auto notices = world.service().elector_notices(world.actor("officer"), id);
  ASSERT_GE(notices.size(), 30u);
  for (std::size_t i = 0; i < 30; ++i) {
    const ClientResponse signed_up =
        world.post(clerk, "/petitions/" + std::to_string(id) + "/places/" + std::to_string(notices[i].place.id) + "/clerk",
                   "elector_number=" + notices[i].elector.entry.elector_number + "&identity_evidence=passport", true);
    ASSERT_EQ(signed_up.json().at("outcome").at("outcome"), "signed") << signed_up.body;
  }
  expect_unchanged(opened, "signing");

  world.set_time(utc("2019-05-02T10:00"));  // the day after the close
  expect_unchanged(opened, "closed");
  const Browser officer = world.sign_in("officer");
  const Browser observer = world.sign_in("observer");
  const ClientResponse counted = step(officer, "count");
  ASSERT_EQ(counted.status, 200) << counted.body;
  EXPECT_EQ(counted.json().at("count").at("valid_signatures"), 30);
  expect_unchanged(opened, "counted");

  // The officer sees the count to notify the Speaker; an observer does not, before the declaration.
  const std::string manage = "/petitions/" + std::to_string(id) + "/manage";
  EXPECT_EQ(world.get(officer, manage, true).json().at("has_count"), true);
  const nlohmann::json observed = world.get(observer, manage, true).json();
  EXPECT_EQ(observed.at("has_count"), false);
  EXPECT_FALSE(observed.contains("count"));

  ASSERT_EQ(step(officer, "speaker-notified").status, 200);
  expect_unchanged(opened, "speaker notified");
  EXPECT_EQ(step(officer, "speaker-notified").status, 409);  // a step out of turn is refused

  const ClientResponse declared = step(officer, "declare");
  ASSERT_EQ(declared.status, 200) << declared.body;
  const auto [page, api] = result_pages();
  ASSERT_EQ(page.status, 200);
  const nlohmann::json result = api.json().at("result");
  EXPECT_EQ(result.at("eligible"), 300);
  EXPECT_EQ(result.at("valid_signatures"), 30);
  EXPECT_EQ(result.at("percent"), "10.0");
  EXPECT_EQ(result.at("successful"), true);
  EXPECT_NE(page.body.find("The petition was successful"), std::string::npos);
  EXPECT_NE(page.body.find("<dd class=\"govuk-summary-list__value\">300</dd>"), std::string::npos);
  EXPECT_NE(page.body.find("10.0%"), std::string::npos);
  EXPECT_EQ(world.get(observer, manage, true).json().at("has_count"), true);

  const nlohmann::json by_elections = world.get(Browser{}, "/api/by-elections", true).json();
  ASSERT_EQ(by_elections.at("by_elections").size(), 1u);
  EXPECT_EQ(by_elections.at("by_elections").at(0).at("ons_code"), peterborough);
}

TEST_F(ResultNotice, TheOfficersFormsShowRefusalsOnThePage) {
  const Browser officer = world.sign_in("officer");
  const ClientResponse counted = world.post(officer, "/petitions/" + std::to_string(id) + "/count", "");
  EXPECT_EQ(counted.status, 409);
  EXPECT_NE(counted.body.find("govuk-error-summary"), std::string::npos);
  const ClientResponse bad_place =
      world.post(officer, "/petitions/" + std::to_string(id) + "/places", "name=Hall&address=High+St&postcode=PE1+1AA&opens_1=10:00&closes_1=17:00");
  EXPECT_EQ(bad_place.status, 400);
  EXPECT_NE(bad_place.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(bad_place.body.find("value=\"Hall\""), std::string::npos);
}

TEST_F(ResultNotice, NoticesPrintOneDistrictAtATimeWithoutOverseasElectors) {
  const Browser officer = world.sign_in("officer");
  const nlohmann::json districts = world.get(officer, "/petitions/" + std::to_string(id) + "/notices", true).json();
  ASSERT_FALSE(districts.at("districts").empty());
  const std::string district = districts.at("districts").at(0).at("district");
  const ClientResponse page = world.get(officer, "/petitions/" + std::to_string(id) + "/notices?district=" + district);
  ASSERT_EQ(page.status, 200);
  const long notices = districts.at("districts").at(0).at("notices");
  std::size_t sections = 0;
  for (auto at = page.body.find("class=\"recall-elector-notice\""); at != std::string::npos;
       at = page.body.find("class=\"recall-elector-notice\"", at + 1)) {
    ++sections;
  }
  EXPECT_EQ(static_cast<long>(sections), notices);
  const nlohmann::json json = world.get(officer, "/petitions/" + std::to_string(id) + "/notices?district=" + district, true).json();
  for (const auto& notice : json.at("notices")) EXPECT_EQ(notice.at("elector").at("overseas"), false);
}

}  // namespace
}  // namespace recall::http::testing
