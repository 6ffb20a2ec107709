#pragma once
// A whole Recall server for petition tests: a private SQLite store with a synthetic register for
// Peterborough, the real policies and templates, one account per role, a clock the test moves by
// hand, and the real routes on a real server on loopback. Two worlds built the same way and driven
// by the same steps answer byte for byte the same, which is what the secrecy tests compare.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/ledger/note_key.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"
#include "http/auth/web_auth.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "server_fixture.hpp"
#include "service/petition_service.hpp"
#include "store/store.hpp"

namespace recall::http::testing {

inline constexpr const char* peterborough = "E14000878";
inline constexpr const char* test_password = "correct horse battery staple";

// Unix seconds of a UTC time "YYYY-MM-DDTHH:MM".
std::int64_t utc(const std::string& iso_minutes);

// A signed-in browser: the Cookie header to send and the CSRF token its forms carry.
struct Browser {
  std::string cookie;  // "" for the public
  std::string csrf;
  [[nodiscard]] HeaderList headers(bool json = false) const;
};

// argon2id is slow on purpose; every account in every world shares one hash of the test password.
const std::string& test_password_hash();
// Signs in as "<name>@example.org" through GET and POST /api/login; fails the test on any other answer.
Browser signed_in_browser(TestClient& client, const std::string& name);

class PetitionWorld {
 public:
  // With `ledger_key` the service signs checkpoints with test_ledger_key(), as `recall serve` does
  // with the deployment's key.
  explicit PetitionWorld(std::int64_t start, bool ledger_key = true);
  ~PetitionWorld();

  void set_time(std::int64_t unix_seconds) { now_ = unix_seconds; }
  TestClient& client() { return *client_; }
  PetitionService& service() { return *petitions_; }
  Store& store() { return *store_; }

  // Accounts, one per role, made straight in the store (emails "<name>@example.org").
  Actor actor(const std::string& name);
  // Signs in through GET and POST /api/login; fails the test on any other answer.
  Browser sign_in(const std::string& name);

  // Opens a petition for Peterborough on notice 2019-03-05 with two signing places, through the web
  // as the officer. Returns its id.
  std::int64_t open_peterborough(const Browser& officer);

  ClientResponse get(const Browser& browser, const std::string& target, bool json = false);
  ClientResponse post(const Browser& browser, const std::string& target, std::string form, bool json = false);

 private:
  std::atomic<std::int64_t> now_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<PetitionService> petitions_;
  std::unique_ptr<PublicPetitionService> public_petitions_;  // not started: only the site needs one
  std::unique_ptr<WebAuth> auth_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<TestClient> client_;
  std::map<std::string, Actor> actors_;
};

// The deployment key of every world in the test binary (named "recall.test"), so two worlds' ledgers
// have the same origin.
const ledger::SignerKey& test_ledger_key();

// The reference data, policies and calendar, loaded once per test binary.
const Parliament& test_parliament();
const PolicySet& test_policies();
const ParliamentCalendar& test_calendar();

// `body` with every CSRF token of `browsers` replaced by "<csrf>".
std::string without_tokens(std::string body, const std::vector<const Browser*>& browsers);

// `text` with the public forms' tokens (the __Host-recall-sign cookie and the sign_token field, in
// HTML or JSON) replaced by "<sign-token>": they are random on every answer.
std::string without_sign_tokens(std::string text);

// URL-encodes a form value.
std::string form_value(const std::string& text);

}  // namespace recall::http::testing
