#pragma once
// The world the page tests run against: the real reference data (data/), the real policies
// (policies/), a SQLite ":memory:" store loaded with the same data, and the routes of add_routes on a
// real server on loopback. The data is loaded once per test binary; each test gets its own server.
#include <memory>

#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"
#include "http/auth/web_auth.hpp"
#include "http/routes/routes.hpp"
#include "http/site.hpp"
#include "server_fixture.hpp"
#include "service/petition_service.hpp"
#include "service/public_petition_service.hpp"
#include "store/store.hpp"

namespace recall::http::testing {

struct PagesWorld {
  Parliament parliament;
  PolicySet policies;
  ParliamentCalendar calendar;
  std::unique_ptr<Store> store;
  std::unique_ptr<PetitionService> petitions;
  std::unique_ptr<WebAuth> auth;
  std::unique_ptr<PublicPetitionService> public_petitions;  // not started: these pages do not sign

  PagesWorld()
      : parliament(load_reference_data(RECALL_SOURCE_DIR "/data")),
        policies(PolicySet::load_directory(RECALL_SOURCE_DIR "/policies")),
        calendar(ParliamentCalendar::load(RECALL_SOURCE_DIR "/data/parliaments.yaml")),
        store(open_store(":memory:")) {
    store->reference().replace_reference_data(parliament.data(), true);
    petitions = std::make_unique<PetitionService>(*store, parliament, policies, system_seconds);
    auth = std::make_unique<WebAuth>(*store, system_seconds);
    public_petitions = std::make_unique<PublicPetitionService>(*store, *store, parliament, system_seconds);
  }
};

class PagesTest : public ServerFixture {
 protected:
  static PagesWorld& world() {
    static PagesWorld instance;
    return instance;
  }

  void SetUp() override {
    PagesWorld& w = world();
    site_ = std::make_unique<Site>(Site{w.parliament, w.policies, w.calendar, *w.store, templates(), *w.petitions, *w.auth,
                                        *w.public_petitions});
    router_ = std::make_unique<Router>(&templates());
    add_routes(*router_, *site_);
    start(*router_);
  }

  static HeaderList accept_html() { return {{"Accept", "text/html"}}; }

 private:
  std::unique_ptr<Site> site_;
  std::unique_ptr<Router> router_;
};

// How many times `needle` occurs in `haystack`.
inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++count;
  return count;
}

}  // namespace recall::http::testing
