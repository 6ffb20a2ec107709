// The home page and search: postcodes redirect, names list results, bad input gets an error summary.
#include "pages_site.hpp"

namespace recall::http::testing {
namespace {

class SearchPages : public PagesTest {};

TEST_F(SearchPages, HomeHasTheSearchBox) {
  const ClientResponse reply = client().get("/", accept_html());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(reply.body.find("<h1 class=\"govuk-heading-xl\">Find an MP</h1>"), std::string::npos);
  EXPECT_NE(reply.body.find("<label class=\"govuk-label govuk-label--m\" for=\"q\">Postcode, MP or constituency</label>"),
            std::string::npos);
  EXPECT_NE(reply.body.find("action=\"/search\""), std::string::npos);
  EXPECT_EQ(client().get("/api").json().at("searched"), false);
}

TEST_F(SearchPages, PostcodeRedirectsToItsConstituency) {
  for (const std::string query : {"SW4+9ZS", "sw49zs", "%20sw4-9zs%20"}) {
    const ClientResponse reply = client().get("/search?q=" + query, accept_html());
    EXPECT_EQ(reply.status, 303) << query;
    EXPECT_EQ(reply.header("location").value_or(""), "/constituencies/E14000978") << query;
  }
}

TEST_F(SearchPages, PostcodeInJsonIsTheConstituency) {
  const ClientResponse reply = client().get("/api/search?q=SW4+9ZS");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json body = reply.json();
  EXPECT_EQ(body.at("ons_code"), "E14000978");
  EXPECT_EQ(body.at("name"), "Streatham");
  EXPECT_EQ(body.at("postcode"), "SW4 9ZS");
}

TEST_F(SearchPages, NameSearchListsMpsAndConstituencies) {
  const nlohmann::json body = client().get("/api/search?q=Streatham").json();
  ASSERT_GE(body.at("count").get<int>(), 1);
  bool found = false;
  for (const nlohmann::json& hit : body.at("results")) {
    if (hit.at("kind") == "constituency" && hit.at("id") == "E14000978") {
      found = true;
      EXPECT_EQ(hit.at("href"), "/constituencies/E14000978");
    }
  }
  EXPECT_TRUE(found) << body.dump();

  const ClientResponse page = client().get("/search?q=umunna", accept_html());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/mps/2017-E14000978\""), std::string::npos);
  EXPECT_NE(page.body.find("Search results</h1>"), std::string::npos);
}

TEST_F(SearchPages, EmptyQueryShowsAnErrorSummary) {
  const ClientResponse page = client().get("/search?q=+", accept_html());
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"#q\">Enter a postcode, MP or constituency</a>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"q-error\""), std::string::npos);

  const ClientResponse json = client().get("/api/search?q=");
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(json.header("content-type").value_or(""), "application/problem+json");
  EXPECT_EQ(json.json().at("field"), "q");
}

TEST_F(SearchPages, UnknownPostcodeIsNotFound) {
  const ClientResponse page = client().get("/search?q=SW1A+9ZZ", accept_html());
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(page.body.find("SW1A 9ZZ"), std::string::npos);
  EXPECT_EQ(client().get("/api/search?q=SW1A+9ZZ").status, 404);
}

}  // namespace
}  // namespace recall::http::testing
