#pragma once
// A whole Recall server for the public petition tests: a SQLite file (the intake's writer needs its
// own connection to the same database), the statutory and public petition services, one account
// per role including a moderator, a few postcodes in the directory, and the real routes on a real
// server on loopback with 2 I/O threads. Emails stay in the outbox, where tests read the links.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "http/auth/web_auth.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "petition_world.hpp"
#include "server_fixture.hpp"
#include "service/petition_service.hpp"
#include "service/public_petition_service.hpp"
#include "store/store.hpp"

namespace recall::http::testing {

inline constexpr const char* peterborough_postcode = "PE1 1HG";  // E14000878 in the test directory
inline constexpr const char* scottish_postcode = "EH1 1YZ";      // the first Scottish seat in the test directory

class PublicWorld {
 public:
  explicit PublicWorld(std::int64_t start);
  ~PublicWorld();

  void set_time(std::int64_t unix_seconds) { now_ = unix_seconds; }
  TestClient& client() { return *client_; }
  PublicPetitionService& service() { return *public_petitions_; }
  Store& store() { return *store_; }
  [[nodiscard]] const std::string& scottish_ons_code() const { return scottish_ons_code_; }

  Browser sign_in(const std::string& name);  // "moderator", "observer"

  // A public form as a browser fills it: GET `form_page` for the token and its cookie, then POST
  // `fields` (URL-encoded, without the token) to `target`.
  ClientResponse submit_public_form(const std::string& form_page, const std::string& target, const std::string& fields,
                                    bool json = false);
  // The newest confirmation link (path only) in the outbox for `email`, if any.
  std::optional<std::string> confirmation_path(const std::string& email);
  // Opens the confirmation link and presses the button; the answer to the POST.
  ClientResponse confirm(const std::string& email);

  // Creates a petition through the web, confirms the creator, and gets sponsors through the shared
  // link until it waits for moderation. Returns its id.
  std::int64_t sponsored_petition(const std::string& action);
  // The same, then published by the moderator.
  std::int64_t open_petition(const std::string& action);
  // POST /moderation/petitions/{id}/{step} as the moderator (with `fields` and the CSRF token).
  ClientResponse moderate(std::int64_t id, const std::string& step, const std::string& fields = "");

 private:
  std::atomic<std::int64_t> now_;
  std::filesystem::path database_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Store> intake_store_;
  std::unique_ptr<PetitionService> petitions_;
  std::unique_ptr<PublicPetitionService> public_petitions_;
  std::unique_ptr<WebAuth> auth_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<TestClient> client_;
  std::string scottish_ons_code_;
};

// "name=…&email=…&postcode=…&uk_resident=yes" for a signer.
std::string signer_fields(const std::string& name, const std::string& email, const std::string& postcode);

}  // namespace recall::http::testing
