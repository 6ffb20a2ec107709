// Signing in and out on the web: the cookies, the one message for every failure, the rate limit,
// CSRF on the sign-in form and on every state-changing POST, and the role gates.
#include "petition_world.hpp"

namespace recall::http::testing {
namespace {

class WebAccounts : public ::testing::Test {
 protected:
  PetitionWorld world{utc("2019-03-06T10:00")};

  // GET /login: the form token and the cookie that must come back with it.
  std::pair<std::string, std::string> login_form() {
    const ClientResponse form = world.client().get("/api/login", {{"Accept", "application/json"}});
    EXPECT_EQ(form.status, 200);
    const std::string set_cookie = form.header("set-cookie").value_or("");
    return {form.json().at("login_token"), set_cookie.substr(0, set_cookie.find(';'))};
  }

  ClientResponse attempt(const std::string& email, const std::string& password, bool json = true) {
    const auto [token, cookie] = login_form();
    return world.client().post("/login",
                               "email=" + form_value(email) + "&password=" + form_value(password) +
                                   "&login_token=" + token + "&next=" + form_value("/petitions?x=1"),
                               "application/x-www-form-urlencoded",
                               {{"Accept", json ? "application/json" : "text/html"}, {"Cookie", cookie}});
  }

  std::vector<AuditEntry> audit() { return world.store().audit().export_audit(); }
};

TEST_F(WebAccounts, TheLoginFormSetsAStrictHostCookieAndCarriesItsToken) {
  const ClientResponse page = world.client().get("/login", {{"Accept", "text/html"}});
  ASSERT_EQ(page.status, 200);
  const std::string set_cookie = page.header("set-cookie").value_or("");
  EXPECT_TRUE(set_cookie.starts_with("__Host-recall-login=")) << set_cookie;
  for (const char* attribute : {"Path=/", "Secure", "HttpOnly", "SameSite=Strict"}) {
    EXPECT_NE(set_cookie.find(attribute), std::string::npos) << attribute;
  }
  const std::string token = set_cookie.substr(20, set_cookie.find(';') - 20);
  EXPECT_NE(page.body.find("name=\"login_token\" value=\"" + token + "\""), std::string::npos);
  EXPECT_EQ(page.header("cache-control"), "no-store");
}

TEST_F(WebAccounts, SigningInSetsTheSessionCookieAndRedirectsToALocalNextPage) {
  const ClientResponse answer = attempt("officer@example.org", test_password, false);
  ASSERT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(answer.header("location"), "/petitions?x=1");
  const std::string set_cookie = answer.header("set-cookie").value_or("");
  EXPECT_TRUE(set_cookie.starts_with("__Host-recall-session=")) << set_cookie;
  for (const char* attribute : {"Path=/", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age="}) {
    EXPECT_NE(set_cookie.find(attribute), std::string::npos) << attribute;
  }
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const ClientResponse officer = world.client().get("/officer", {{"Accept", "text/html"}, {"Cookie", cookie}});
  EXPECT_EQ(officer.status, 200) << officer.body;
  EXPECT_NE(officer.body.find("Signed in as <strong>officer@example.org</strong>"), std::string::npos);
  const auto entries = audit();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "user.login");
  EXPECT_EQ(entries.back().actor_email, "officer@example.org");
}

TEST_F(WebAccounts, NextMustBeALocalPath) {
  for (const char* next : {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
    const auto [token, cookie] = login_form();
    const ClientResponse answer = world.client().post(
        "/login",
        "email=officer%40example.org&password=" + form_value(test_password) + "&login_token=" + token + "&next=" +
            form_value(next),
        "application/x-www-form-urlencoded", {{"Accept", "text/html"}, {"Cookie", cookie}});
    ASSERT_EQ(answer.status, 303) << next;
    EXPECT_EQ(answer.header("location"), "/officer") << next;
  }
}

TEST_F(WebAccounts, EveryFailureGivesTheSameMessage) {
  const ClientResponse wrong_password = attempt("officer@example.org", "not the password at all");
  const ClientResponse unknown = attempt("nobody@example.org", test_password);
  ASSERT_EQ(wrong_password.status, 401);
  ASSERT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong_password.body, unknown.body);
  EXPECT_EQ(wrong_password.json().at("detail"), "Enter a correct email address and password");
  EXPECT_FALSE(wrong_password.header("set-cookie").has_value());

  const ClientResponse page = attempt("officer@example.org", "still not the password", false);
  EXPECT_EQ(page.status, 401);
  EXPECT_NE(page.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"officer@example.org\""), std::string::npos);

  const auto entries = audit();
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(entries.back().action, "user.login-failed");
  EXPECT_EQ(entries[entries.size() - 2].action, "user.login-failed");
  EXPECT_EQ(entries[entries.size() - 2].target, "nobody@example.org");
}

TEST_F(WebAccounts, RepeatedFailuresAreRateLimitedEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attempt("officer@example.org", "wrong password " + std::to_string(i)).status, 401);
  const ClientResponse limited = attempt("officer@example.org", test_password);
  EXPECT_EQ(limited.status, 429) << limited.body;
  ASSERT_TRUE(limited.header("retry-after").has_value());
  EXPECT_GT(std::stol(*limited.header("retry-after")), 0);
  // After the window the right password works again.
  world.set_time(utc("2019-03-06T10:16"));
  EXPECT_EQ(attempt("officer@example.org", test_password).status, 200);
}

TEST_F(WebAccounts, TheLoginFormNeedsItsCookie) {
  const auto [token, cookie] = login_form();
  const ClientResponse forged = world.client().post(
      "/login", "email=officer%40example.org&password=" + form_value(test_password) + "&login_token=" + token,
      "application/x-www-form-urlencoded", {{"Accept", "application/json"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.json().at("field"), "login_token");
  const ClientResponse mismatched = world.client().post(
      "/login", "email=officer%40example.org&password=" + form_value(test_password) + "&login_token=" + token + "x",
      "application/x-www-form-urlencoded", {{"Accept", "application/json"}, {"Cookie", cookie}});
  EXPECT_EQ(mismatched.status, 403);
}

TEST_F(WebAccounts, StateChangingPostsNeedTheSessionsCsrfToken) {
  const Browser officer = world.sign_in("officer");
  const std::string form = "email=new%40example.org&role=observer&duty=&password=" + form_value("a long enough password");
  Browser forged = officer;
  forged.csrf.clear();
  const ClientResponse missing = world.post(forged, "/users", form, true);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.json().at("field"), "csrf_token");
  forged.csrf = "A" + officer.csrf.substr(1);
  EXPECT_EQ(world.post(forged, "/users", form, true).status, 403);
  EXPECT_FALSE(world.store().users().find_user_by_email("new@example.org").has_value());

  const ClientResponse added = world.post(officer, "/users", form, true);
  EXPECT_EQ(added.status, 201) << added.body;
  EXPECT_TRUE(world.store().users().find_user_by_email("new@example.org").has_value());
  EXPECT_EQ(audit().back().action, "user.add");
}

TEST_F(WebAccounts, SigningOutEndsTheSession) {
  const Browser officer = world.sign_in("officer");
  Browser forged = officer;
  forged.csrf = "wrong";
  EXPECT_EQ(world.post(forged, "/logout", "", true).status, 403);
  EXPECT_EQ(world.get(officer, "/officer").status, 200);

  const ClientResponse out = world.post(officer, "/logout", "");
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(audit().back().action, "user.logout");
  const ClientResponse after = world.get(officer, "/officer");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("location"), "/login?next=%2Fofficer");
}

TEST_F(WebAccounts, SessionsEndAfterThirtyMinutesIdle) {
  const Browser officer = world.sign_in("officer");
  world.set_time(utc("2019-03-06T10:29"));
  EXPECT_EQ(world.get(officer, "/officer", true).status, 200);
  world.set_time(utc("2019-03-06T11:00"));
  EXPECT_EQ(world.get(officer, "/officer", true).status, 401);
}

TEST_F(WebAccounts, PagesNeedingALoginRedirectBrowsersAndRefuseApiClients) {
  const Browser nobody;
  const ClientResponse page = world.get(nobody, "/audit?action=user");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("location"), "/login?next=%2Faudit%3Faction%3Duser");
  const ClientResponse api = world.get(nobody, "/api/audit");
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  const Browser campaigner = world.sign_in("campaigner");
  EXPECT_EQ(world.get(campaigner, "/audit").status, 403);
  EXPECT_EQ(world.get(campaigner, "/api/audit", true).status, 403);
}

}  // namespace
}  // namespace recall::http::testing
