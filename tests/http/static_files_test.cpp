// /assets/ from a web root built in a temporary folder, so the test needs no npm build.
#include <gtest/gtest.h>

#include <fstream>

#include "core/base/error.hpp"
#include "http/server_fixture.hpp"
#include "http/static_files.hpp"

namespace recall::http {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

class StaticFilesTest : public testing::ServerFixture {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("recall-static-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(base_);
    write(base_ / "dist" / "app.css", "body { color: black; }\n");
    write(base_ / "dist" / "app.js", "console.log('hi')\n");
    write(base_ / "dist" / "fonts" / "bold.woff2", std::string("wOF2\0\1", 6));
    write(base_ / "dist" / "images" / "crest.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    write(base_ / "dist" / ".hidden", "no");
    write(base_ / "secret.txt", "top secret");
    fs::create_symlink(base_ / "secret.txt", base_ / "dist" / "link.txt");
    router_.get("/", [](const Request&) {
      Response r;
      r.body = "home";
      return r;
    });
    ServerConfig config;
    config.web_root = base_ / "dist";
    start(router_, config);
  }
  void TearDown() override {
    ServerFixture::TearDown();
    fs::remove_all(base_);
  }

  fs::path base_;
  Router router_;
};

TEST_F(StaticFilesTest, ServesWithContentTypes) {
  const auto css = client().get("/assets/app.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.body, "body { color: black; }\n");
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(client().get("/assets/app.js").header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client().get("/assets/fonts/bold.woff2").header("content-type"), "font/woff2");
  EXPECT_EQ(client().get("/assets/fonts/bold.woff2").body.size(), 6u);
  EXPECT_EQ(client().get("/assets/images/crest.svg").header("content-type"), "image/svg+xml");
  EXPECT_TRUE(client().get("/assets/app.css").header("cache-control").has_value());
  EXPECT_TRUE(client().get("/assets/app.css").header("content-security-policy").has_value());
}

TEST_F(StaticFilesTest, EtagGives304) {
  const auto first = client().get("/assets/app.css");
  const auto etag = first.header("etag");
  ASSERT_TRUE(etag.has_value());
  EXPECT_EQ(etag->front(), '"');
  const auto again = client().get("/assets/app.css", {{"If-None-Match", *etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  const auto changed = client().get("/assets/app.css", {{"If-None-Match", "\"something-else\""}});
  EXPECT_EQ(changed.status, 200);
  // Other files have other tags.
  EXPECT_NE(client().get("/assets/app.js").header("etag"), etag);
}

TEST_F(StaticFilesTest, HeadOfAnAsset) {
  const auto reply = client().head("/assets/app.css");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-length"), "23");
  EXPECT_TRUE(reply.body.empty());
}

TEST_F(StaticFilesTest, RefusesTraversal) {
  for (const auto& target :
       {"/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/fonts/../../secret.txt",
        "/assets/fonts/%2E%2E%2F%2E%2E%2Fsecret.txt", "/assets/..%2fsecret.txt", "/assets/%2Fetc%2Fpasswd",
        "/assets//etc/passwd", "/assets/.hidden", "/assets/link.txt", "/assets/fonts", "/assets/",
        "/assets/..%5csecret.txt", "/assets/missing.css"}) {
    const auto reply = client().get(target);
    EXPECT_EQ(reply.status, 404) << target;
    EXPECT_EQ(reply.body.find("top secret"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  const auto reply = client().post("/assets/app.css", "x=1");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, OtherPathsStillRoute) { EXPECT_EQ(client().get("/").body, "home"); }

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("a/b.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("x.png"), "image/png");
  EXPECT_EQ(content_type_for("x.woff"), "font/woff");
  EXPECT_EQ(content_type_for("manifest.json"), "application/json");
  EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
}

TEST(StaticFilesRoot, MissingRootIsAClearError) {
  EXPECT_THROW(static_cast<void>(StaticFiles("/definitely/not/here")), Error);
}

}  // namespace
}  // namespace recall::http
