#pragma once
// A petition open for online signing, on a real SQLite file, for the online-signing tests of the
// service and of the web pages. Peterborough (E14000878), Speaker's notice Tue 5 Mar 2019 under the
// uk-change-of-party policy, so signing runs from Tue 19 Mar 2019. The clock is a plain number the
// test moves; it starts at 10:00 on Wed 20 Mar 2019, inside the signing period.
//
// The register (imported before the notice):
//   PA-1  Ada Lovelace,   PE1 1AA             entitled adult
//   PA-2  Alan Turing,    PE1 2BB             entitled adult
//   PA-3  Grace Hopper,   PE1 3AB, born 2001-04-10   attainer, 18 before the close: entitled
//   PA-4  Kid Young,      PE1 4DD, born 2003-01-01   attainer, still under 18 at the close: not entitled
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/petition/local_time.hpp"
#include "core/rules/policy_set.hpp"
#include "service/local_clock.hpp"
#include "service/petition_service.hpp"
#include "store/store.hpp"

namespace recall::testing {

inline const Parliament& test_parliament() {
  static const Parliament parliament(load_reference_data(std::filesystem::path(RECALL_SOURCE_DIR) / "data"));
  return parliament;
}

inline const PolicySet& test_policies() {
  static const PolicySet policies = PolicySet::load_directory(std::filesystem::path(RECALL_SOURCE_DIR) / "policies");
  return policies;
}

inline RegisterEntry test_elector(std::string number, std::string forenames, std::string surname,
                                  std::string postcode, std::optional<Date> born, bool attainer = false) {
  RegisterEntry entry;
  entry.elector_number = std::move(number);
  entry.change = ChangeKind::addition;
  entry.cause = ChangeCause::application;
  entry.applied_on = make_date(2018, 11, 1);
  entry.effective_on = make_date(2018, 12, 1);
  entry.forenames = std::move(forenames);
  entry.surname = std::move(surname);
  entry.address_1 = "1 Cathedral Square";
  entry.address_3 = "Peterborough";
  entry.postcode = std::move(postcode);
  entry.date_of_birth = born;
  entry.markers.attainer = attainer;
  return entry;
}

class OnlinePetition {
 public:
  explicit OnlinePetition(std::string policy_id = "uk-change-of-party") {
    static std::atomic<int> sequence{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("recall-online-" + std::to_string(::getpid()) + "-" + std::to_string(sequence++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = open_store(database().string());

    const std::vector<RegisterEntry> records{
        test_elector("PA-1", "Ada", "Lovelace", "PE1 1AA", make_date(1980, 12, 10)),
        test_elector("PA-2", "Alan", "Turing", "PE1 2BB", make_date(1975, 6, 1)),
        test_elector("PA-3", "Grace", "Hopper", "PE1 3AB", make_date(2001, 4, 10), true),
        test_elector("PA-4", "Kid", "Young", "PE1 4DD", make_date(2003, 1, 1), true),
    };
    std::size_t next = 0;
    store_->registers().import_register("E14000878", "online-test.csv", unix_seconds_at_noon(make_date(2019, 1, 7)),
                                        [&](RegisterEntry& entry) {
                                          if (next == records.size()) return false;
                                          entry = records[next++];
                                          return true;
                                        });

    now_ = unix_seconds_at_noon(make_date(2019, 3, 5));
    service_ = std::make_unique<PetitionService>(*store_, test_parliament(), test_policies(), [this] { return now_.load(); });
    OpenPetitionRequest request;
    request.ons_code = "E14000878";
    request.policy_id = std::move(policy_id);
    request.condition = "custodial-sentence";
    request.condition_detail = "custodial sentence of 3 months";
    request.notice = make_date(2019, 3, 5);
    petition_id_ = service_->open_petition(Actor::command_line("officer@example.gov.uk"), request).id;
    set_local(make_date(2019, 3, 20), 10 * 60);
  }
  ~OnlinePetition() {
    service_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  OnlinePetition(const OnlinePetition&) = delete;
  OnlinePetition& operator=(const OnlinePetition&) = delete;

  [[nodiscard]] Store& store() { return *store_; }
  [[nodiscard]] PetitionService& service() { return *service_; }
  [[nodiscard]] std::int64_t petition_id() const { return petition_id_; }
  [[nodiscard]] std::filesystem::path database() const { return dir_ / "recall.sqlite"; }
  [[nodiscard]] Clock clock() { return [this] { return now_.load(); }; }
  [[nodiscard]] std::int64_t now() const { return now_.load(); }

  void set_local(Date date, int minutes) { now_ = unix_seconds_at(LocalDateTime{date, minutes}); }
  void advance(std::int64_t seconds) { now_ += seconds; }

  // Closes and reopens the SQLite file, as a restart does (the service goes with the store).
  void reopen_store() {
    service_.reset();
    store_.reset();
    store_ = open_store(database().string());
    service_ = std::make_unique<PetitionService>(*store_, test_parliament(), test_policies(), [this] { return now_.load(); });
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::atomic<std::int64_t> now_{0};
  std::unique_ptr<PetitionService> service_;
  std::int64_t petition_id_ = 0;
};

}  // namespace recall::testing
