#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "http/router.hpp"

namespace recall::http {
namespace {

Request get(std::string path, std::string method = "GET") {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

Handler echo(std::string name) {
  return [name](const Request& r) {
    Response out;
    out.content_type = "text/plain";
    out.body = name;
    for (const auto& [k, v] : r.path_params) out.body += " " + k + "=" + v;
    return out;
  };
}

std::optional<std::string> header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

TEST(Router, DispatchesWithPathParams) {
  Router router;
  router.get("/mps/{id}", echo("mp"));
  router.get("/mps/{id}/history/{year}", echo("history"));
  EXPECT_EQ(router.dispatch(get("/mps/2017-E1")).body, "mp id=2017-E1");
  EXPECT_EQ(router.dispatch(get("/mps/x/history/2019")).body, "history id=x year=2019");
  EXPECT_EQ(router.dispatch(get("/mps/")).status, 404);  // an empty segment is not an id
  EXPECT_EQ(router.dispatch(get("/mps/a/b")).status, 404);
}

TEST(Router, LiteralSegmentsBeatParameters) {
  Router router;
  router.get("/mps/{id}", echo("param"));
  router.get("/mps/search", echo("literal"));
  EXPECT_EQ(router.dispatch(get("/mps/search")).body, "literal");
  EXPECT_EQ(router.dispatch(get("/mps/other")).body, "param id=other");
}

TEST(Router, MethodNotAllowedListsAllowedMethods) {
  Router router;
  router.get("/petitions/{id}", echo("show"));
  router.post("/petitions/{id}", echo("sign"));
  const Response r = router.dispatch(get("/petitions/1", "DELETE"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(header(r, "Allow"), "GET, HEAD, POST");
}

TEST(Router, HeadUsesGet) {
  Router router;
  router.get("/x", echo("x"));
  EXPECT_EQ(router.dispatch(get("/x", "HEAD")).status, 200);
}

TEST(Router, NotFoundIsHtmlOrProblemJson) {
  Router router;
  const Response html = router.dispatch(get("/nowhere"));
  EXPECT_EQ(html.status, 404);
  EXPECT_NE(html.content_type.find("text/html"), std::string::npos);
  EXPECT_NE(html.body.find("Page not found"), std::string::npos);
  const Response json = router.dispatch(get("/api/nowhere"));
  EXPECT_EQ(json.status, 404);
  EXPECT_EQ(json.content_type, "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(json.body)["status"], 404);
}

TEST(Router, AddPageRegistersTheJsonTwin) {
  Router router;
  router.add_page("/", [](const Request& r) {
    Response out;
    out.body = r.wants_json() ? "json" : "html";
    return out;
  });
  router.add_page("/mps", [](const Request& r) {
    Response out;
    out.body = r.wants_json() ? "json" : "html";
    return out;
  });
  EXPECT_EQ(router.dispatch(get("/")).body, "html");
  EXPECT_EQ(router.dispatch(get("/api")).body, "json");
  EXPECT_EQ(router.dispatch(get("/mps")).body, "html");
  EXPECT_EQ(router.dispatch(get("/api/mps")).body, "json");
}

TEST(Router, PrefixRoutesGetTheRest) {
  Router router;
  router.add_prefix("GET", "/files/", echo("file"));
  router.get("/files/special", echo("special"));
  EXPECT_EQ(router.dispatch(get("/files/a/b.css")).body, "file *=a/b.css");
  EXPECT_EQ(router.dispatch(get("/files/special")).body, "special");
  EXPECT_EQ(router.dispatch(get("/files")).status, 404);
}

TEST(Router, HandlerErrorsMapThroughTheProblemTable) {
  Router router;
  router.get("/api/bad", [](const Request&) -> Response {
    throw Error(ErrorKind::invalid_input, "electorate must be a number",
                SourceLocation{"form", 1, 4, "electorate"});
  });
  router.get("/api/gone", [](const Request&) -> Response { throw_not_found("no MP with id 'x'"); });
  router.get("/api/boom",
             [](const Request&) -> Response { throw std::runtime_error("secret internals at 0xdead"); });
  router.get("/boom",
             [](const Request&) -> Response { throw std::runtime_error("secret internals at 0xdead"); });

  const Response bad = router.dispatch(get("/api/bad"));
  EXPECT_EQ(bad.status, 400);
  const auto body = nlohmann::json::parse(bad.body);
  EXPECT_EQ(body["type"], "/problems/invalid-input");
  EXPECT_EQ(body["title"], "There is a problem");
  EXPECT_EQ(body["detail"], "electorate must be a number");
  EXPECT_EQ(body["file"], "form");
  EXPECT_EQ(body["line"], 1);
  EXPECT_EQ(body["column"], 4);
  EXPECT_EQ(body["field"], "electorate");

  EXPECT_EQ(router.dispatch(get("/api/gone")).status, 404);

  const Response boom = router.dispatch(get("/api/boom"));
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(boom.body.find("secret"), std::string::npos);
  const Response boom_html = router.dispatch(get("/boom"));
  EXPECT_EQ(boom_html.status, 500);
  EXPECT_EQ(boom_html.body.find("secret"), std::string::npos);
  EXPECT_NE(boom_html.body.find("Sorry, there is a problem with the service"), std::string::npos);
}

TEST(Router, RejectsBadPatternsAndDuplicates) {
  Router router;
  router.get("/a/{id}", echo("a"));
  EXPECT_THROW(router.get("/a/{other}", echo("b")), Error);
  EXPECT_THROW(router.get("no-slash", echo("b")), Error);
  EXPECT_THROW(router.get("/a/x{id}", echo("b")), Error);
  EXPECT_THROW(router.add_prefix("GET", "/nodir", echo("b")), Error);
  EXPECT_NO_THROW(router.post("/a/{id}", echo("c")));
}

TEST(Router, ParameterWithASuffix) {
  Router router;
  router.get("/petitions/{id}", echo("page"));
  router.get("/petitions/{id}.json", echo("json"));
  router.get("/petitions/{id}/count.json", echo("count"));
  EXPECT_EQ(router.dispatch(get("/petitions/12.json")).body, "json id=12");
  EXPECT_EQ(router.dispatch(get("/petitions/12")).body, "page id=12");
  EXPECT_EQ(router.dispatch(get("/petitions/12/count.json")).body, "count id=12");
  // The suffix alone is not a parameter value.
  EXPECT_EQ(router.dispatch(get("/petitions/.json")).body, "page id=.json");
  EXPECT_THROW(router.get("/petitions/{other}.json", echo("again")), Error);
  EXPECT_THROW(router.get("/x/{id}.{ext}", echo("two")), Error);
}

TEST(Router, AsyncRouteAnsweredFromAnotherThread) {
  Router router;
  std::vector<std::thread> workers;
  router.add_async("GET", "/later/{n}", [&workers](const Request& r, Responder respond) {
    const std::string n = r.path_params.at("n");
    workers.emplace_back([respond, n] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      Response out;
      out.body = "later " + n;
      respond(out);
      respond(Response{});  // a second answer is ignored
    });
  });
  EXPECT_EQ(router.dispatch(get("/later/7")).body, "later 7");
  for (auto& t : workers) t.join();
}

TEST(Router, AsyncRouteThatThrowsGetsTheProblemAnswer) {
  Router router;
  router.add_async("POST", "/api/sign", [](const Request&, Responder) {
    throw Error(ErrorKind::invalid_input, "Enter your email", SourceLocation{"form", 0, 0, "email"});
  });
  const Response reply = router.dispatch(get("/api/sign", "POST"));
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["field"], "email");
}

TEST(Router, AsyncRouteThatDropsItsResponderStillAnswers) {
  Router router;
  router.add_async("GET", "/api/lost", [](const Request&, Responder) {});
  const Response reply = router.dispatch(get("/api/lost"));
  EXPECT_EQ(reply.status, 500);
}

TEST(Router, AsyncPageHasItsJsonTwinAndAllow) {
  Router router;
  router.add_page_async("POST", "/things", [](const Request& r, Responder respond) {
    Response out;
    out.body = r.path;
    respond(out);
  });
  EXPECT_EQ(router.dispatch(get("/things", "POST")).body, "/things");
  EXPECT_EQ(router.dispatch(get("/api/things", "POST")).body, "/api/things");
  EXPECT_EQ(router.dispatch(get("/things")).status, 405);
}

}  // namespace
}  // namespace recall::http
