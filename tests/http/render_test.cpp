// render(): one view model, JSON for /api/ and Accept: application/json, HTML in the GOV.UK layout
// otherwise. Uses the real layout and error templates with a test page of its own.
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "core/base/error.hpp"
#include "http/page.hpp"
#include "http/server_fixture.hpp"

namespace recall::http {
namespace {

namespace fs = std::filesystem;

class RenderTest : public testing::ServerFixture {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each test in a process of its own, two at once: each needs a folder of its own, or
    // one removes the templates while the other renders them.
    dir_ = fs::temp_directory_path() / ("recall-render-templates-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "partials");
    const fs::path real = source_dir() / "web" / "templates";
    fs::copy_file(real / "layout.mustache", dir_ / "layout.mustache");
    fs::copy_file(real / "error.mustache", dir_ / "error.mustache");
    std::ofstream(dir_ / "greeting.mustache")
        << "<h1 class=\"govuk-heading-l\">{{meta.title}}</h1><p id=\"who\">{{name}}</p>"
           "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{> signoff}}<p id=\"n\">{{count}}</p>";
    std::ofstream(dir_ / "partials" / "signoff.mustache") << "<p id=\"signoff\">From {{name}}</p>";
    templates_ = std::make_unique<Templates>(dir_);
  }
  static void TearDownTestSuite() {
    templates_.reset();
    fs::remove_all(dir_);
  }

  void SetUp() override {
    router_ = std::make_unique<Router>(templates_.get());
    router_->add_page("/mps", [](const Request& r) {
      const nlohmann::json view{{"name", "<Jo & \"Sam\">"}, {"items", {"a", "b"}}, {"count", 650}};
      return render(r, *templates_, "greeting", PageMeta{"Members of Parliament", 200}, view);
    });
    router_->add_page("/created", [](const Request& r) {
      return render(r, *templates_, "greeting", PageMeta{"Made", 201}, nlohmann::json{{"name", "x"}});
    });
    start(*router_);
  }

  static inline fs::path dir_;
  static inline std::unique_ptr<Templates> templates_;
  std::unique_ptr<Router> router_;
};

TEST_F(RenderTest, ApiTwinIsTheViewModelAsJson) {
  const auto reply = client().get("/api/mps");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "application/json");
  const auto body = reply.json();
  EXPECT_EQ(body["name"], "<Jo & \"Sam\">");
  EXPECT_EQ(body["count"], 650);
  EXPECT_FALSE(body.contains("meta"));
}

TEST_F(RenderTest, AcceptJsonOnThePagePathGivesJson) {
  const auto reply = client().get("/mps", {{"Accept", "application/json"}});
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_EQ(reply.json()["items"], nlohmann::json({"a", "b"}));
}

TEST_F(RenderTest, PageIsEscapedHtmlInTheLayout) {
  const auto reply = client().get("/mps");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "text/html; charset=utf-8");
  const std::string& html = reply.body;
  EXPECT_NE(html.find("<html lang=\"en\" class=\"govuk-template\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Members of Parliament – Recall</title>"), std::string::npos);
  EXPECT_NE(html.find("href=\"#main-content\" class=\"govuk-skip-link\""), std::string::npos);
  EXPECT_NE(html.find("id=\"main-content\""), std::string::npos);
  EXPECT_NE(html.find("govuk-phase-banner"), std::string::npos);
  EXPECT_NE(html.find("govuk-footer"), std::string::npos);
  EXPECT_NE(html.find("<p id=\"who\">&lt;Jo &amp; &quot;Sam&quot;&gt;</p>"), std::string::npos);
  EXPECT_NE(html.find("<li>a</li><li>b</li>"), std::string::npos);
  EXPECT_NE(html.find("<p id=\"signoff\">From &lt;Jo"), std::string::npos);
  EXPECT_NE(html.find("<p id=\"n\">650</p>"), std::string::npos);
  EXPECT_NE(html.find("<h1 class=\"govuk-heading-l\">Members of Parliament</h1>"), std::string::npos);
  // No inline script or style: the CSP would block them.
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<style"), std::string::npos);
  EXPECT_EQ(html.find(" style="), std::string::npos);
  EXPECT_NE(html.find("<script src=\"/assets/body-classes.js\"></script>"), std::string::npos);
  EXPECT_NE(html.find("<script type=\"module\" src=\"/assets/app.js\"></script>"), std::string::npos);
}

TEST_F(RenderTest, NavigationMarksTheCurrentItem) {
  const std::string html = client().get("/mps").body;
  const auto mps = html.find("href=\"/mps\" aria-current=\"page\"");
  EXPECT_NE(mps, std::string::npos);
  EXPECT_EQ(html.find("href=\"/\" aria-current"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/map\" aria-current"), std::string::npos);
  EXPECT_NE(html.find("href=\"/rules\""), std::string::npos);
  EXPECT_NE(html.find(">Recall<"), std::string::npos);
}

TEST_F(RenderTest, StatusComesFromMeta) {
  EXPECT_EQ(client().get("/created").status, 201);
  EXPECT_EQ(client().get("/api/created").status, 201);
}

TEST_F(RenderTest, NotFoundUsesTheErrorTemplate) {
  const auto reply = client().get("/nope");
  EXPECT_EQ(reply.status, 404);
  EXPECT_NE(reply.body.find("<h1 class=\"govuk-heading-l\">Page not found</h1>"), std::string::npos);
  EXPECT_NE(reply.body.find("<title>Page not found – Recall</title>"), std::string::npos);
}

TEST(TemplatesLoad, SyntaxErrorNamesTheFile) {
  const fs::path dir = fs::temp_directory_path() / "recall-bad-templates";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "broken.mustache") << "{{#open}} never closed";
  try {
    Templates t(dir);
    ADD_FAILURE() << "expected a template error";
  } catch (const Error& e) {
    ASSERT_TRUE(e.where().has_value());
    EXPECT_NE(e.where()->file.find("broken.mustache"), std::string::npos);
  }
  fs::remove_all(dir);
}

TEST(TemplatesLoad, RealTemplatesLoad) {
  const Templates t(fs::path(RECALL_SOURCE_DIR) / "web" / "templates");
  EXPECT_TRUE(t.has("layout"));
  EXPECT_TRUE(t.has("error"));
}

}  // namespace
}  // namespace recall::http
