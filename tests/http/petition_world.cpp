#include "petition_world.hpp"

#include <chrono>
#include <regex>

#include "core/auth/password.hpp"
#include "core/calendar/date.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/register/synth.hpp"
#include "http/routes/routes.hpp"
#include "http/templates.hpp"
#include "http_url/url.hpp"

namespace recall::http::testing {

namespace {

struct Account {
  const char* name;
  const char* role;
  const char* duty;
};
constexpr Account accounts[] = {{"officer", "petition-officer", ""},
                                {"observer", "observer", ""},
                                {"campaigner", "campaigner", ""},
                                {"clerk", "staff", "signing-place-clerk"},
                                {"postal", "staff", "postal-team"}};

// "name=value" from a Set-Cookie header value.
std::string cookie_pair(const std::string& set_cookie) { return set_cookie.substr(0, set_cookie.find(';')); }

}  // namespace

const std::string& test_password_hash() {
  static const std::string hash = hash_password(test_password);
  return hash;
}

std::int64_t utc(const std::string& iso_minutes) {
  const Date day = parse_iso_date(iso_minutes.substr(0, 10));
  const int hours = std::stoi(iso_minutes.substr(11, 2));
  const int minutes = std::stoi(iso_minutes.substr(14, 2));
  return std::int64_t{day.time_since_epoch().count()} * 86400 + hours * 3600 + minutes * 60;
}

HeaderList Browser::headers(bool json) const {
  HeaderList out{{"Accept", json ? "application/json" : "text/html"}};
  if (!cookie.empty()) out.emplace_back("Cookie", cookie);
  return out;
}

namespace {
const Templates& world_templates() {
  static const Templates templates(RECALL_SOURCE_DIR "/web/templates");
  return templates;
}
}  // namespace

const Parliament& test_parliament() {
  static const Parliament parliament(load_reference_data(RECALL_SOURCE_DIR "/data"));
  return parliament;
}

const PolicySet& test_policies() {
  static const PolicySet policies = PolicySet::load_directory(RECALL_SOURCE_DIR "/policies");
  return policies;
}

const ParliamentCalendar& test_calendar() {
  static const ParliamentCalendar calendar = ParliamentCalendar::load(RECALL_SOURCE_DIR "/data/parliaments.yaml");
  return calendar;
}

const ledger::SignerKey& test_ledger_key() {
  static const ledger::SignerKey key = ledger::generate_signer_key("recall.test");
  return key;
}

PetitionWorld::PetitionWorld(std::int64_t start, bool ledger_key) : now_(start), store_(open_store(":memory:")) {
  const Clock clock = [this] { return now_.load(); };
  petitions_ = std::make_unique<PetitionService>(*store_, test_parliament(), test_policies(), clock);
  if (ledger_key) petitions_->use_ledger_key(test_ledger_key());
  auth_ = std::make_unique<WebAuth>(*store_, clock);

  SynthOptions options;
  options.outward_code = "PE1";
  options.town = "Peterborough";
  options.eligible = 300;
  options.seed = 2019;
  options.notice_date = make_date(2019, 3, 5);
  options.close_day = make_date(2019, 5, 1);
  const std::vector<RegisterEntry> records = synthesise_register(options);
  std::size_t next = 0;
  store_->registers().import_register(peterborough, "synthetic", start, [&](RegisterEntry& entry) {
    if (next == records.size()) return false;
    entry = records[next++];
    return true;
  });

  for (const Account& account : accounts) {
    UserRecord user{0, std::string(account.name) + "@example.org", account.role, account.duty, test_password_hash(), start, false};
    user.id = store_->users().add_user(user);
    Actor actor;
    actor.user_id = user.id;
    actor.email = user.email;
    actor.role = *parse_role(account.role);
    actor.duty = *parse_duty(account.duty);
    actor.remote_address = "127.0.0.1";
    actors_.emplace(account.name, actor);
  }

  public_petitions_ = std::make_unique<PublicPetitionService>(*store_, *store_, test_parliament(), clock);
  site_ = std::make_unique<Site>(Site{test_parliament(), test_policies(), test_calendar(), *store_,
                                      world_templates(), *petitions_, *auth_, *public_petitions_});
  router_ = std::make_unique<Router>(&world_templates());
  add_routes(*router_, *site_);
  ServerConfig config;
  config.threads = 1;
  server_ = std::make_unique<Server>(config, *router_);
  server_->start();
  client_ = std::make_unique<TestClient>(server_->port());
}

PetitionWorld::~PetitionWorld() {
  client_.reset();
  server_->stop();
  server_->wait();
}

Actor PetitionWorld::actor(const std::string& name) { return actors_.at(name); }

Browser PetitionWorld::sign_in(const std::string& name) { return signed_in_browser(client(), name); }

Browser signed_in_browser(TestClient& client, const std::string& name) {
  const ClientResponse form = client.get("/api/login", {{"Accept", "application/json"}});
  EXPECT_EQ(form.status, 200) << form.body;
  const std::string login_cookie = cookie_pair(form.header("set-cookie").value_or(""));
  const std::string token = form.json().at("login_token");
  const ClientResponse answer = client.post(
      "/api/login", "email=" + form_value(name + "@example.org") + "&password=" + form_value(test_password) +
                        "&login_token=" + form_value(token),
      "application/x-www-form-urlencoded", {{"Accept", "application/json"}, {"Cookie", login_cookie}});
  EXPECT_EQ(answer.status, 200) << answer.body;
  Browser browser;
  browser.cookie = cookie_pair(answer.header("set-cookie").value_or(""));
  browser.csrf = answer.json().at("csrf_token");
  return browser;
}

std::int64_t PetitionWorld::open_peterborough(const Browser& officer) {
  const ClientResponse opened =
      post(officer, "/officer/petitions",
           "ons_code=E14000878&policy_id=uk-2015&condition=custodial-sentence&notice=2019-03-05"
           "&condition_detail=" + form_value("custodial sentence of 3 months"),
           true);
  EXPECT_EQ(opened.status, 201) << opened.body;
  const std::int64_t id = opened.json().at("petition").at("id");
  std::string hours;
  for (int day = 1; day <= 5; ++day) hours += "&opens_" + std::to_string(day) + "=09:00&closes_" + std::to_string(day) + "=17:00";
  for (const char* place : {"Town Hall", "Central Library"}) {
    const ClientResponse added = post(officer, "/petitions/" + std::to_string(id) + "/places",
                                      "name=" + form_value(place) + "&address=" + form_value("Bridge Street\nPeterborough") +
                                          "&postcode=" + form_value("PE1 1HG") + hours,
                                      true);
    EXPECT_EQ(added.status, 200) << added.body;
  }
  return id;
}

ClientResponse PetitionWorld::get(const Browser& browser, const std::string& target, bool json) {
  return client().get(target, browser.headers(json));
}

ClientResponse PetitionWorld::post(const Browser& browser, const std::string& target, std::string form, bool json) {
  if (!browser.csrf.empty()) form += "&csrf_token=" + form_value(browser.csrf);
  return client().post(target, form, "application/x-www-form-urlencoded", browser.headers(json));
}

std::string without_tokens(std::string body, const std::vector<const Browser*>& browsers) {
  for (const Browser* browser : browsers) {
    if (browser->csrf.empty()) continue;
    for (auto at = body.find(browser->csrf); at != std::string::npos; at = body.find(browser->csrf, at)) {
      body.replace(at, browser->csrf.size(), "<csrf>");
    }
  }
  return body;
}

std::string without_sign_tokens(std::string text) {
  static const std::regex token(R"re((__Host-recall-sign=|"sign_token":"|name="sign_token" value=")[A-Za-z0-9_-]{43})re");
  return std::regex_replace(text, token, "$1<sign-token>");
}

std::string form_value(const std::string& text) { return percent_encode(text); }

}  // namespace recall::http::testing
