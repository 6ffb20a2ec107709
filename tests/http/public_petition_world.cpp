#include "public_petition_world.hpp"

#include <unistd.h>

#include <regex>

#include "core/parliament/postcode_row.hpp"
#include "http/routes/routes.hpp"
#include "http/templates.hpp"
#include "public_form.hpp"
#include "service/public_confirmation_mail.hpp"

namespace recall::http::testing {

namespace {

std::filesystem::path fresh_database_path() {
  static std::atomic<int> counter{0};
  return std::filesystem::temp_directory_path() /
         ("recall-public-web-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
}

}  // namespace

std::string signer_fields(const std::string& name, const std::string& email, const std::string& postcode) {
  return "name=" + form_value(name) + "&email=" + form_value(email) + "&postcode=" + form_value(postcode) +
         "&uk_resident=yes";
}

PublicWorld::PublicWorld(std::int64_t start) : now_(start), database_(fresh_database_path()) {
  store_ = open_store(database_.string());
  intake_store_ = open_store(database_.string());
  const Clock clock = [this] { return now_.load(); };
  petitions_ = std::make_unique<PetitionService>(*store_, test_parliament(), test_policies(), clock);
  auth_ = std::make_unique<WebAuth>(*store_, clock);

  // Two postcodes in the directory: one in Peterborough, one in the first Scottish seat.
  for (const Constituency& c : test_parliament().data().constituencies) {
    if (c.nation == Nation::scotland) {
      scottish_ons_code_ = c.ons_code;
      break;
    }
  }
  store_->postcodes().upsert_postcodes({{peterborough_postcode, peterborough}, {scottish_postcode, scottish_ons_code_}});

  // The moderator, and an observer, who may not moderate (the petition officer may, as the CLI does).
  for (const char* role : {"moderator", "observer"}) {
    UserRecord user{0, std::string(role) + "@example.org", role, "", test_password_hash(), start, false};
    store_->users().add_user(user);
  }

  PublicPetitionConfig config;
  config.rules.sponsors_needed = 2;
  config.site_url = "http://recall.test";
  public_petitions_ = std::make_unique<PublicPetitionService>(*store_, *intake_store_, test_parliament(), clock, config);
  public_petitions_->start();

  const Templates& templates = test_templates();
  site_ = std::make_unique<Site>(Site{test_parliament(), test_policies(), test_calendar(), *store_, templates,
                                      *petitions_, *auth_, *public_petitions_});
  router_ = std::make_unique<Router>(&templates);
  add_routes(*router_, *site_);
  ServerConfig server_config;
  server_config.threads = 2;
  server_ = std::make_unique<Server>(server_config, *router_);
  server_->start();
  client_ = std::make_unique<TestClient>(server_->port());
}

PublicWorld::~PublicWorld() {
  client_.reset();
  server_->stop();
  server_->wait();
  public_petitions_->stop();
  public_petitions_.reset();
  intake_store_.reset();
  store_.reset();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_.string() + suffix, ignored);
}

Browser PublicWorld::sign_in(const std::string& name) { return signed_in_browser(client(), name); }

ClientResponse PublicWorld::submit_public_form(const std::string& form_page, const std::string& target,
                                               const std::string& fields, bool json) {
  const ClientResponse page = client().get(form_page);
  EXPECT_EQ(page.status, 200) << form_page << ": " << page.body.substr(0, 300);
  const std::string body = fields + (fields.empty() ? "" : "&") + "sign_token=" + token_in(page.body);
  return client().post(target, body, "application/x-www-form-urlencoded",
                       {{"Cookie", cookie_pair(page)}, {"Accept", json ? "application/json" : "text/html"}});
}

std::optional<std::string> PublicWorld::confirmation_path(const std::string& email) {
  std::optional<std::string> found;
  const std::regex link(R"re(http://recall\.test(/public/petitions/\d+/confirm/[A-Za-z0-9_-]+))re");
  // As the delivery worker does before each pass: the emails signing batches queued go into the outbox.
  while (store_->public_petitions().queued_confirmation_rows() > 0)
    write_queued_confirmations(*store_, "http://recall.test", 100);
  for (const OutboxMessage& message : store_->outbox().list_outbox()) {
    if (message.to != email) continue;
    std::smatch match;
    if (std::regex_search(message.body, match, link)) found = match[1];
  }
  return found;
}

ClientResponse PublicWorld::confirm(const std::string& email) {
  const auto path = confirmation_path(email);
  if (!path) {
    ADD_FAILURE() << "no confirmation email to " << email;
    return {};
  }
  return submit_public_form(*path, *path, "");
}

std::int64_t PublicWorld::sponsored_petition(const std::string& action) {
  const ClientResponse created = submit_public_form(
      "/public/petitions/new", "/public/petitions/new",
      "action=" + form_value(action) + "&background=" + form_value("Our MP was convicted.") + "&details=&mp=" +
          "&constituency=" + peterborough + "&" + signer_fields("Creator Person", "creator@example.com", peterborough_postcode));
  EXPECT_EQ(created.status, 200) << created.body.substr(0, 2000);
  std::smatch match;
  const std::regex sponsor(R"re((/public/petitions/(\d+)/sponsor/[A-Za-z0-9_-]+))re");
  if (!std::regex_search(created.body, match, sponsor)) {
    ADD_FAILURE() << "no sponsor link on the created page";
    return 0;
  }
  const std::string sponsor_path = match[1];
  const std::int64_t id = std::stoll(match[2]);
  EXPECT_EQ(confirm("creator@example.com").status, 200);

  for (int i = 0; i < 6; ++i) {
    const auto record = service().find(id);
    if (record && record->petition.state == public_petition::PublicPetitionState::sponsored) break;
    const std::string email = "sponsor" + std::to_string(i) + "@example.com";
    const ClientResponse signed_up =
        submit_public_form(sponsor_path, sponsor_path, signer_fields("Sponsor " + std::to_string(i), email, peterborough_postcode));
    EXPECT_EQ(signed_up.status, 200) << signed_up.body.substr(0, 1000);
    EXPECT_EQ(confirm(email).status, 200);
  }
  return id;
}

ClientResponse PublicWorld::moderate(std::int64_t id, const std::string& step, const std::string& fields) {
  const Browser moderator = sign_in("moderator");
  return client().post("/moderation/petitions/" + std::to_string(id) + "/" + step,
                       fields + (fields.empty() ? "" : "&") + "csrf_token=" + form_value(moderator.csrf),
                       "application/x-www-form-urlencoded", moderator.headers());
}

std::int64_t PublicWorld::open_petition(const std::string& action) {
  const std::int64_t id = sponsored_petition(action);
  const ClientResponse published = moderate(id, "publish");
  EXPECT_EQ(published.status, 303) << published.body.substr(0, 1000);
  return id;
}

}  // namespace recall::http::testing
