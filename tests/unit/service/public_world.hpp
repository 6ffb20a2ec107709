#pragma once
// The world the public petition service tests run in: a real database (a SQLite file, or a fresh
// schema in the PostgreSQL named by RECALL_TEST_POSTGRES_URL) opened as `recall serve` opens it (one
// connection for reads, one for the intake, and on PostgreSQL one for the intake's second writer),
// the real reference data, two postcodes in the directory, a clock moved by hand, and the
// confirmation links read back out of the outbox.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "contract/test_database.hpp"
#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "service/public_confirmation_mail.hpp"
#include "service/public_petition_service.hpp"
#include "store/store.hpp"

namespace recall::testing {

inline const Parliament& public_parliament() {
  static const Parliament parliament{load_reference_data(RECALL_SOURCE_DIR "/data")};
  return parliament;
}

inline constexpr const char* peterborough_code = "E14000878";
inline constexpr const char* peterborough_postcode = "PE1 1AA";
inline constexpr const char* unknown_postcode = "SW1A 2AA";  // a real postcode, not in this directory
inline constexpr std::int64_t public_start = 1'553'073'300;  // 2019-03-20T09:15:00Z

inline Actor moderator_actor() {
  Actor actor;
  actor.email = "moderator@example.org";
  actor.role = Role::moderator;
  actor.remote_address = "127.0.0.1";
  return actor;
}

inline public_petition::IpAddress address(int n) {
  return public_petition::IpAddress::v4(0xC633'6400u + static_cast<std::uint32_t>(n % 250) +
                                        (static_cast<std::uint32_t>(n / 250) << 8));  // 198.51.100.x and on
}

// The backends the public petition service is tested on, and their names in test names.
inline auto public_backends() {
  return ::testing::Values(contract::Backend::sqlite_file, contract::Backend::postgresql);
}
inline std::string public_backend_name(const ::testing::TestParamInfo<contract::Backend>& backend) {
  return backend.param == contract::Backend::postgresql ? "PostgreSQL" : "SqliteFile";
}

class PublicWorld : public ::testing::TestWithParam<contract::Backend> {
 protected:
  void SetUp() override {
    std::string why;
    database_ = contract::make_test_database(GetParam(), why);
    if (!database_) {
      const char* ci = std::getenv("CI");
      if (ci != nullptr && *ci != '\0') FAIL() << "CI is set, so the PostgreSQL tests must run: " << why;
      GTEST_SKIP() << why;
    }
    store_ = open_store(database_->url());
    intake_store_ = open_store(database_->url());
    // As `recall serve` does: on PostgreSQL a second connection writes a second batch of signatures.
    if (GetParam() == contract::Backend::postgresql) signing_store_ = open_store(database_->url());
    check_store_ = open_store(database_->url());
    store_->postcodes().upsert_postcodes({{peterborough_postcode, peterborough_code}});
    config_.rules.sponsors_needed = 2;
    config_.rules.thresholds = {3, 5};
    config_.site_url = "http://recall.test/";
    start_service();
  }

  void TearDown() override {
    service_.reset();
  }

  void start_service() {
    service_ = std::make_unique<PublicPetitionService>(*store_, *intake_store_, public_parliament(),
                                                       [this] { return now_.load(); }, config_, signing_store_.get());
    service_->start();
  }

  static SignerForm signer(const std::string& email, const std::string& postcode = peterborough_postcode) {
    return SignerForm{"Signer " + email, email, postcode, true};
  }

  static NewPetitionForm petition_form(const std::string& creator_email) {
    NewPetitionForm form;
    form.action = "Call a by-election in Peterborough";
    form.background = "Our MP was convicted and has not resigned.";
    form.creator = signer(creator_email);
    return form;
  }

  // A petition created, sponsored by two, confirmed throughout and published: open, 3 counted.
  std::int64_t open_petition() {
    const CreatedPetition created = service_->create(petition_form("creator@example.com"), address(1));
    EXPECT_EQ(confirm_latest("creator@example.com").outcome, ConfirmOutcome::confirmed);
    for (int i = 1; i <= 2; ++i) {
      const std::string email = "sponsor" + std::to_string(i) + "@example.com";
      EXPECT_EQ(sign(created.id, email, address(10 + i), created.sponsor_token), SignOutcome::pending);
      EXPECT_EQ(confirm_latest(email).outcome, ConfirmOutcome::confirmed);
    }
    service_->publish(created.id, moderator_actor());
    return created.id;
  }

  SignOutcome sign(std::int64_t petition, const std::string& email, const public_petition::IpAddress& ip,
                   const std::string& sponsor_token = "", const std::string& postcode = peterborough_postcode) {
    return service_->sign_and_wait(SignRequest{petition, signer(email, postcode), ip, sponsor_token});
  }

  // The outbox, once the confirmation emails signing batches queued are written into it, as the
  // delivery worker writes them before each pass.
  std::vector<OutboxMessage> outbox() {
    while (check_store_->public_petitions().queued_confirmation_rows() > 0)
      write_queued_confirmations(*check_store_, config_.site_url, 100);
    return check_store_->outbox().list_outbox();
  }

  // The token in the newest confirmation email to each recipient: one read of the outbox.
  std::map<std::string, std::string> latest_tokens() {
    static const std::regex link(R"(http://recall\.test/public/petitions/[0-9]+/confirm/([A-Za-z0-9_-]{43}))");
    std::map<std::string, std::string> tokens;
    for (const OutboxMessage& message : outbox()) {
      std::smatch match;
      if (std::regex_search(message.body, match, link)) tokens[message.to] = match[1].str();
    }
    return tokens;
  }

  // The token in the newest confirmation email to `to`, if any.
  std::optional<std::string> latest_token(const std::string& to) {
    const std::map<std::string, std::string> tokens = latest_tokens();
    const auto found = tokens.find(to);
    if (found == tokens.end()) return std::nullopt;
    return found->second;
  }

  ConfirmResult confirm_latest(const std::string& to) {
    const std::optional<std::string> token = latest_token(to);
    if (!token) {
      ADD_FAILURE() << "no confirmation email to " << to;
      return {};
    }
    return service_->confirm_and_wait(*token);
  }

  std::int64_t total(std::int64_t petition) {
    const auto counts = service_->counts(petition);
    return counts ? counts->snapshot.total : -1;
  }

  // The counts in memory as the store's GROUP BY reports them.
  std::vector<public_petition::ConstituencyCount> memory_counts(std::int64_t petition) {
    std::vector<public_petition::ConstituencyCount> out;
    const auto counts = service_->counts(petition);
    if (!counts) return out;
    if (counts->snapshot.unallocated > 0) out.push_back({"", counts->snapshot.unallocated});
    out.insert(out.end(), counts->snapshot.by_constituency.begin(), counts->snapshot.by_constituency.end());
    return out;
  }

  std::atomic<std::int64_t> now_{public_start};
  PublicPetitionConfig config_;
  std::unique_ptr<contract::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Store> intake_store_;
  std::unique_ptr<Store> signing_store_;  // PostgreSQL only
  std::unique_ptr<Store> check_store_;  // a fresh connection, as a reader elsewhere would see
  std::unique_ptr<PublicPetitionService> service_;
};

}  // namespace recall::testing
