// Every asset the layout links to is produced by the web build (web/dist), and is served with the
// right type. Skipped when web/dist has not been built (cd web && npm ci && npm run build).
#include <gtest/gtest.h>

#include <regex>

#include "http/server_fixture.hpp"

namespace recall::http {
namespace {

namespace fs = std::filesystem;

class WebAssetsTest : public testing::ServerFixture {
 protected:
  void SetUp() override {
    dist_ = source_dir() / "web" / "dist";
    if (!fs::exists(dist_ / "govuk-frontend.min.css")) GTEST_SKIP() << "web/dist is not built";
    router_.get("/", [](const Request&) { return Response{}; });
    ServerConfig config;
    config.web_root = dist_;
    start(router_, config);
  }
  fs::path dist_;
  Router router_;
};

TEST_F(WebAssetsTest, LayoutLinksResolve) {
  const std::string html = templates().render_page("error", nlohmann::json{{"not_found", true}},
                                                   layout_model("/", "Page not found"));
  const std::regex link(R"((?:href|src)="(/assets/[^"]+)\")");
  int found = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[1];
    const auto reply = client().get(target);
    EXPECT_EQ(reply.status, 200) << target;
    EXPECT_FALSE(reply.body.empty()) << target;
    ++found;
  }
  EXPECT_GE(found, 5);
}

TEST_F(WebAssetsTest, GovukFrontendFilesAndFonts) {
  EXPECT_EQ(client().get("/assets/govuk-frontend.min.css").header("content-type"), "text/css; charset=utf-8");
  const auto js = client().get("/assets/govuk-frontend.min.js");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.body.find("initAll"), std::string::npos);
  // The CSS refers to fonts and images under /assets/; each must exist.
  const std::string css = client().get("/assets/govuk-frontend.min.css").body;
  const std::regex url(R"(url\((/assets/[^)]+)\))");
  int found = 0;
  for (auto it = std::sregex_iterator(css.begin(), css.end(), url); it != std::sregex_iterator(); ++it) {
    EXPECT_EQ(client().head((*it)[1]).status, 200) << (*it)[1];
    ++found;
  }
  EXPECT_GT(found, 0);
}

}  // namespace
}  // namespace recall::http
