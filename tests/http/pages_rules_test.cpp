// The rules page, the evaluate form and the policy and party APIs.
#include "pages_site.hpp"

namespace recall::http::testing {
namespace {

class RulesPages : public PagesTest {};

TEST_F(RulesPages, PoliciesSideBySide) {
  const ClientResponse page = client().get("/rules", accept_html());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<h1 class=\"govuk-heading-l\">Recall rules compared</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("<h2 class=\"govuk-heading-m\" id=\"evaluate\">"), std::string::npos);
  for (const Policy& policy : world().policies.policies()) {
    EXPECT_NE(page.body.find("<th scope=\"col\" class=\"govuk-table__header\">" + policy.title + "</th>"),
              std::string::npos)
        << policy.id;
  }
  for (const char* row : {"Threshold and base", "Signing period", "Bank-holiday extension", "Cut-off day",
                          "Most signing places", "Running totals sealed", "Online signing", "Sample verification"}) {
    EXPECT_NE(page.body.find(std::string(">") + row + "</th>"), std::string::npos) << row;
  }
  EXPECT_NE(page.body.find("action=\"/rules/evaluate\""), std::string::npos);
  EXPECT_NE(page.body.find("The 10th working day after the notice"), std::string::npos);
  EXPECT_NE(page.body.find("The seat is vacated and a by-election follows"), std::string::npos);
}

TEST_F(RulesPages, EvaluateAPartyChange) {
  const std::string query =
      "/rules/evaluate?mp=2017-E14000978&policy=uk-change-of-party&event=party-change&date-day=18&date-month=2"
      "&date-year=2019&to_party=tig&change_kind=joined-another";
  const ClientResponse page = client().get(query, accept_html());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Result for Chuka Umunna</h2>"), std::string::npos);
  EXPECT_NE(page.body.find("Designated day"), std::string::npos);

  const nlohmann::json body = client().get("/api" + query).json();
  const nlohmann::json& result = body.at("result");
  EXPECT_EQ(result.at("policy"), "uk-change-of-party");
  EXPECT_EQ(result.at("condition_met"), true);
  EXPECT_TRUE(result.at("timetable").is_object());

  const nlohmann::json under_2015 =
      client().get("/api/rules/evaluate?mp=Chuka+Umunna&policy=uk-2015&event=party-change&date=2019-02-18"
                   "&to_party=tig&change_kind=joined-another").json();
  EXPECT_EQ(under_2015.at("result").at("condition_met"), false);
}

TEST_F(RulesPages, EvaluateASuspension) {
  const nlohmann::json body =
      client().get("/api/rules/evaluate?mp=2017-E14000978&policy=uk-2015&event=suspension&date=2018-07-19"
                   "&length_count=30&length_unit=sitting-days&committee_report=yes").json();
  EXPECT_EQ(body.at("result").at("condition_met"), true);
  const nlohmann::json short_one =
      client().get("/api/rules/evaluate?mp=2017-E14000978&policy=uk-2015&event=suspension&date=2018-07-19"
                   "&length_count=5&length_unit=sitting-days&committee_report=yes").json();
  EXPECT_EQ(short_one.at("result").at("condition_met"), false);
}

TEST_F(RulesPages, BadInputRerendersTheFormWithFieldErrors) {
  const ClientResponse page = client().get(
      "/rules/evaluate?mp=Nobody+At+All&policy=uk-2015&event=suspension&date-day=31&date-month=2&date-year=2019"
      "&length_count=ten&length_unit=sitting-days&committee_report=yes",
      accept_html());
  ASSERT_EQ(page.status, 400) << page.body;
  EXPECT_NE(page.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"#mp\">"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"#date-day\">Date of the event must be a real date</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"#length_count\">"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"mp-error\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"date-error\""), std::string::npos);
  EXPECT_NE(page.body.find("govuk-form-group--error"), std::string::npos);
  // What was typed is kept.
  EXPECT_NE(page.body.find("value=\"Nobody At All\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"ten\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"suspension\" selected>"), std::string::npos);
}

TEST_F(RulesPages, BadInputInJsonIsA400NamingTheField) {
  const ClientResponse missing = client().get("/api/rules/evaluate?mp=2017-E14000978&policy=uk-2015");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.header("content-type").value_or(""), "application/problem+json");
  EXPECT_EQ(missing.json().at("field"), "event");

  const ClientResponse policy = client().get(
      "/api/rules/evaluate?mp=2017-E14000978&policy=utopia&event=party-change&date=2019-02-18&to_party=tig"
      "&change_kind=joined-another");
  EXPECT_EQ(policy.status, 400);
  EXPECT_EQ(policy.json().at("field"), "policy");
}

TEST_F(RulesPages, PolicyAndPartyApis) {
  const nlohmann::json policies = client().get("/api/policies").json();
  EXPECT_EQ(policies.at("policies").size(), world().policies.size());
  EXPECT_EQ(client().get("/api/policies/uk-2015").status, 200);
  EXPECT_EQ(client().get("/api/policies/utopia").status, 404);
  const nlohmann::json parties = client().get("/api/parties").json();
  bool labour = false;
  for (const nlohmann::json& party : parties.at("parties")) {
    if (party.at("code") == "lab") {
      labour = true;
      EXPECT_EQ(party.at("name"), "Labour");
      EXPECT_GT(party.at("members_elected").get<long>(), 200);
    }
  }
  EXPECT_TRUE(labour);
}

}  // namespace
}  // namespace recall::http::testing
