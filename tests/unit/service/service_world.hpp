#pragma once
// The world the service tests run in: the real reference data (data/) and policies (policies/), a
// fresh SQLite ":memory:" store per test with a synthetic Peterborough register imported, and a clock
// the test moves by hand (local UK time).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/auth/role.hpp"
#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/parliament/reference_loader.hpp"
#include "core/petition/petition_register.hpp"
#include "core/register/synth.hpp"
#include "core/rules/policy_set.hpp"
#include "service/local_clock.hpp"
#include "service/petition_service.hpp"
#include "store/store.hpp"

namespace recall::testing {

struct SharedData {
  Parliament parliament{load_reference_data(RECALL_SOURCE_DIR "/data")};
  PolicySet policies{PolicySet::load_directory(RECALL_SOURCE_DIR "/policies")};

  static const SharedData& get() {
    static const SharedData data;
    return data;
  }
};

inline constexpr const char* peterborough = "E14000878";

inline Date day(const char* iso) { return parse_iso_date(iso); }

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest()
      : store_(open_store(":memory:")),
        service_(*store_, SharedData::get().parliament, SharedData::get().policies, [this] { return now_; }) {
    set_time("2019-03-05T10:00");
  }

  void set_time(const std::string& local) { now_ = unix_seconds_at(parse_local_date_time(local, "test")); }

  // 4,500 eligible electors (three polling districts) in Peterborough for the 2019 timetable (notice 5 March,
  // close 1 May).
  void import_register(long eligible = 4500, std::uint64_t seed = 11) {
    records_ = synthesise_register(
        SynthOptions{"PE1", "Peterborough", eligible, seed, day("2019-03-05"), day("2019-05-01")});
    std::size_t next = 0;
    store_->registers().import_register(peterborough, "test", now_, [&](RegisterEntry& entry) {
      if (next == records_.size()) return false;
      entry = records_[next++];
      return true;
    });
    electors_ =
        std::make_unique<PetitionRegister>(records_, day("2019-03-05"), day("2019-03-14"), day("2019-05-01"));
  }

  static OpenPetitionRequest peterborough_request() {
    OpenPetitionRequest request;
    request.ons_code = peterborough;
    request.policy_id = "uk-2015";
    request.condition = "custodial-sentence";
    request.condition_detail = "custodial sentence of 3 months";
    request.notice = day("2019-03-05");
    return request;
  }

  // Register imported, petition opened, two places added (the default allocation splits the districts).
  std::int64_t open_with_places(long places = 2) {
    import_register();
    const std::int64_t id = service_.open_petition(officer_, peterborough_request()).id;
    petition_id_ = id;
    for (long n = 1; n <= places; ++n) place_ids_.push_back(service_.add_place(officer_, place(id, n)));
    return id;
  }

  static SigningPlace place(std::int64_t petition_id, long n) {
    SigningPlace p;
    p.petition_id = petition_id;
    p.name = "Place " + std::to_string(n);
    p.address = std::to_string(n) + " Bridge Street\nPeterborough";
    p.postcode = "PE1 1HF";
    p.hours = minimum_opening_hours();
    return p;
  }

  // The first entitled elector matching `wanted` (by absent vote), allocated to `place_id` when given.
  const PetitionElector& elector(AbsentVote vote, std::optional<std::int64_t> place_id = std::nullopt,
                                 std::size_t skip = 0) {
    const Allocation allocation = store_->petitions().load_allocation(petition_id_);
    for (const PetitionElector* e : electors_->electors()) {
      if (!e->entitled || e->entry.absent_vote != vote || e->entry.markers.overseas) continue;
      if (place_id && allocation.at(std::string(polling_district_of(e->entry.elector_number))) != *place_id)
        continue;
      if (skip-- == 0) return *e;
    }
    throw std::runtime_error("no such elector in the test register");
  }

  const PetitionElector& under_18() {
    for (const PetitionElector* e : electors_->electors()) {
      if (!e->entitled) return *e;
    }
    throw std::runtime_error("no elector under 18 in the test register");
  }

  InPersonRequest in_person(std::int64_t petition_id, std::int64_t place_id,
                            const std::string& elector_number) {
    return InPersonRequest{petition_id, place_id, elector_number, "passport", "", ""};
  }

  std::vector<AuditEntry> audit_actions(const std::string& prefix) {
    std::vector<AuditEntry> out;
    for (AuditEntry& e : store_->audit().export_audit()) {
      if (e.action.starts_with(prefix)) out.push_back(std::move(e));
    }
    return out;
  }

  // A staff account with that duty (the sheets name who recorded them, so the account must exist).
  Actor staff(Duty duty) {
    const std::string email = std::string(to_string(duty)) + "@example.org";
    auto user = store_->users().find_user_by_email(email);
    if (!user) {
      UserRecord record;
      record.email = email;
      record.role = "staff";
      record.duty = std::string(to_string(duty));
      // Never used to sign in here; any argon2id string will do for the account to exist.
      record.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$c29tZWhhc2g";
      record.created_at = now_;
      record.id = store_->users().add_user(record);
      user = record;
    }
    Actor a;
    a.user_id = user->id;
    a.email = email;
    a.role = Role::staff;
    a.duty = duty;
    a.remote_address = "192.0.2.7";
    return a;
  }

  std::int64_t now_ = 0;
  std::unique_ptr<Store> store_;
  PetitionService service_;
  Actor officer_ = Actor::command_line("officer@example.org");
  std::vector<RegisterEntry> records_;
  std::unique_ptr<PetitionRegister> electors_;
  std::vector<std::int64_t> place_ids_;
  std::int64_t petition_id_ = 0;
};

}  // namespace recall::testing
