// The sealed count on the web (DOMAIN.md "Secrecy"): two worlds built and driven identically, except
// that in one of them electors sign. Every role fetches every petition page and its JSON twin in
// both; the answers (status, headers, body, with each session's CSRF token masked) must be identical,
// before and during signing, except the clerk's look-up of an elector at that elector's own place.
// The public forms' random tokens are masked too (the receipt check carries one).
#include <set>

#include "core/register/register_entry.hpp"
#include "petition_world.hpp"

namespace recall::http::testing {
namespace {

const std::vector<std::string> roles{"public", "campaigner", "observer", "clerk", "postal", "officer"};

struct Page {
  std::string target;
  std::set<std::string> allowed;  // roles that get 200; empty: everyone
  bool has_api_twin = true;
};

class SealedCount : public ::testing::Test {
 protected:
  PetitionWorld quiet{utc("2019-03-06T10:00")};  // nobody signs
  PetitionWorld busy{utc("2019-03-06T10:00")};   // electors sign
  std::int64_t id = 0;
  ElectorNotice voter;                 // signs in the busy world
  std::vector<ElectorNotice> others;   // sign in the busy world too
  std::int64_t other_place = 0;        // a place that is not the voter's

  void SetUp() override {
    for (PetitionWorld* world : {&quiet, &busy}) {
      const Browser officer = world->sign_in("officer");
      id = world->open_peterborough(officer);
    }
    const auto notices = quiet.service().elector_notices(quiet.actor("officer"), id);
    ASSERT_GT(notices.size(), 20u);
    voter = notices.front();
    for (std::size_t i = 1; i < notices.size() && others.size() < 5; ++i) others.push_back(notices[i]);
    const auto places = quiet.service().places(id);
    ASSERT_EQ(places.size(), 2u);
    other_place = places[0].id == voter.place.id ? places[1].id : places[0].id;
  }

  void set_time(const std::string& when) {
    quiet.set_time(utc(when));
    busy.set_time(utc(when));
  }

  std::string petition_path(const std::string& rest = "") const { return "/petitions/" + std::to_string(id) + rest; }

  std::vector<Page> pages() const {
    const std::string number = voter.elector.entry.elector_number;
    const std::string district(polling_district_of(number));
    const std::string own = petition_path("/places/" + std::to_string(voter.place.id) + "/clerk");
    const std::string other = petition_path("/places/" + std::to_string(other_place) + "/clerk");
    const std::set<std::string> officer{"officer"};
    const std::set<std::string> clerks{"clerk", "officer"};
    return {
        {"/petitions", {}},
        {petition_path(), {}},
        {petition_path("/result"), {}},
        {"/by-elections", {}},
        {"/officer", officer},
        {petition_path("/manage"), {"observer", "officer"}},
        {petition_path("/notices"), officer},
        {petition_path("/notices?district=" + district), officer},
        {"/audit", officer},
        {"/audit/export", officer, false},
        {"/users", officer},
        {own, clerks},
        {other, clerks},
        {other + "?q=" + number, clerks},
        {other + "?q=" + form_value(voter.elector.entry.surname) + "&postcode=" + form_value(voter.elector.entry.postcode), clerks},
        {petition_path("/postal"), {"postal", "officer"}},
        {petition_path("/ledger"), {}},
        {petition_path("/receipt"), {}},
    };
  }

  std::map<std::string, std::pair<Browser, Browser>> sign_everyone_in() {
    std::map<std::string, std::pair<Browser, Browser>> browsers;
    for (const std::string& role : roles) {
      if (role == "public") {
        browsers[role] = {Browser{}, Browser{}};
      } else {
        // The same order in both worlds, so the audit logs match line for line.
        Browser a = quiet.sign_in(role);
        Browser b = busy.sign_in(role);
        browsers[role] = {a, b};
      }
    }
    return browsers;
  }

  static std::string describe(const ClientResponse& response) {
    std::string out = std::to_string(response.status) + "\n";
    for (const auto& [name, value] : response.headers) {
      if (name != "date") out += name + ": " + value + "\n";
    }
    return out;
  }

  // Every role, every page, HTML and JSON: identical in both worlds; statuses follow the gates.
  void compare_every_page(const std::string& when) {
    auto browsers = sign_everyone_in();
    for (const std::string& role : roles) {
      const auto& [a, b] = browsers.at(role);
      for (const Page& page : pages()) {
        for (bool json : {false, true}) {
          if (json && !page.has_api_twin) continue;
          const std::string target = json ? "/api" + page.target : page.target;
          const ClientResponse one = quiet.get(a, target, json);
          const ClientResponse two = busy.get(b, target, json);
          const std::string where = when + " " + role + " " + target;
          EXPECT_EQ(without_sign_tokens(describe(one)), without_sign_tokens(describe(two))) << where;
          EXPECT_EQ(without_sign_tokens(without_tokens(one.body, {&a})), without_sign_tokens(without_tokens(two.body, {&b})))
              << where;
          const bool allowed = page.allowed.empty() || page.allowed.contains(role);
          const int expected = allowed ? 200 : role == "public" ? (json ? 401 : 303) : 403;
          EXPECT_EQ(one.status, expected) << where << "\n" << one.body.substr(0, 400);
        }
      }
    }
  }

  ClientResponse sign_at_place(PetitionWorld& world, const Browser& clerk, const ElectorNotice& elector) {
    return world.post(clerk, petition_path("/places/" + std::to_string(elector.place.id) + "/clerk"),
                      "elector_number=" + form_value(elector.elector.entry.elector_number) + "&identity_evidence=passport",
                      true);
  }
};

TEST_F(SealedCount, NothingDiffersBeforeSigningBegins) { compare_every_page("before signing"); }

TEST_F(SealedCount, NothingDiffersWhileSigningExceptAtTheElectorsOwnPlace) {
  set_time("2019-03-19T10:00");  // the designated day, a Tuesday, places open 09:00-17:00
  quiet.sign_in("clerk");  // the same sign-ins in both worlds keep the audit logs in step
  const Browser clerk = busy.sign_in("clerk");
  for (const ElectorNotice* elector : {&voter, &others[0], &others[1], &others[2], &others[3], &others[4]}) {
    const ClientResponse signed_up = sign_at_place(busy, clerk, *elector);
    ASSERT_EQ(signed_up.status, 200) << signed_up.body;
    EXPECT_EQ(signed_up.json().at("outcome").at("outcome"), "signed") << signed_up.body;
  }
  // The officer acts after the signatures in both worlds: the new audit entry must not betray how many
  // entries were withheld before it.
  set_time("2019-03-19T10:05");
  for (PetitionWorld* world : {&quiet, &busy}) {
    const Browser officer = world->sign_in("officer");
    std::string hours;
    for (int day = 1; day <= 5; ++day) hours += "&opens_" + std::to_string(day) + "=08:00&closes_" + std::to_string(day) + "=18:00";
    const ClientResponse changed = world->post(officer, petition_path("/places/" + std::to_string(other_place)),
                                               "name=Central+Library&address=Broadway&postcode=PE1+1RX" + hours, true);
    EXPECT_EQ(changed.status, 200) << changed.body;
  }
  compare_every_page("while signing");

  // The one exception, which shows the comparison can see a difference: the clerk at the voter's own
  // place is told the register is already marked, in the busy world only.
  const std::string own = petition_path("/places/" + std::to_string(voter.place.id) + "/clerk?q=" +
                                        voter.elector.entry.elector_number);
  const Browser quiet_clerk = quiet.sign_in("clerk");
  const Browser busy_clerk = busy.sign_in("clerk");
  const nlohmann::json unmarked = quiet.get(quiet_clerk, own, true).json().at("found").at(0);
  const nlohmann::json marked = busy.get(busy_clerk, own, true).json().at("found").at(0);
  EXPECT_EQ(unmarked.at("already_marked"), false);
  EXPECT_EQ(marked.at("already_marked"), true);
  EXPECT_EQ(marked.at("may_sign"), false);
  const ClientResponse again = sign_at_place(busy, busy_clerk, voter);
  EXPECT_EQ(again.json().at("outcome").at("outcome"), "already-signed");

  // Elsewhere a signed elector looks exactly like one who has not signed.
  const std::string other = petition_path("/places/" + std::to_string(other_place) + "/clerk");
  const ClientResponse wrong_quiet = quiet.post(quiet_clerk, other, "elector_number=" + voter.elector.entry.elector_number + "&identity_evidence=passport", true);
  const ClientResponse wrong_busy = busy.post(busy_clerk, other, "elector_number=" + voter.elector.entry.elector_number + "&identity_evidence=passport", true);
  EXPECT_EQ(wrong_busy.json().at("outcome").at("outcome"), "wrong-place");
  EXPECT_EQ(without_tokens(wrong_quiet.body, {&quiet_clerk}), without_tokens(wrong_busy.body, {&busy_clerk}));
}

TEST_F(SealedCount, ObserversReadTheManagePageWithoutAnyForm) {
  const Browser observer = quiet.sign_in("observer");
  const ClientResponse page = quiet.get(observer, petition_path("/manage"));
  ASSERT_EQ(page.status, 200) << page.body;
  // The only form is the sign-out button.
  EXPECT_EQ(page.body.find("method=\"post\" action=\"/petitions"), std::string::npos);
  EXPECT_NE(page.body.find("(read only)"), std::string::npos);
  const ClientResponse refused = quiet.post(observer, petition_path("/terminate"), "reason=dissolution&on=2019-03-07&detail=x", true);
  EXPECT_EQ(refused.status, 403);
}

}  // namespace
}  // namespace recall::http::testing
