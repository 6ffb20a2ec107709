#include "contract/sample_petition.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "core/register/synth.hpp"
#include "core/timetable/timetable.hpp"

namespace recall::contract {

std::int64_t import_sample_register(Store& store, const std::string& ons_code) {
  const auto entries =
      synthesise_register({"PE1", "Peterborough", 40, 7, make_date(2019, 3, 5), make_date(2019, 5, 1)});
  std::size_t i = 0;
  return store.registers().import_register(ons_code, "sample.csv", 1'551'000'000, [&](RegisterEntry& out) {
    if (i == entries.size()) return false;
    out = entries[i++];
    return true;
  });
}

std::int64_t add_clerk(Store& store, const std::string& email) {
  return store.users().add_user(
      {0, email, "staff", "signing-place-clerk", "$argon2id$v=19$sample", 1'551'000'000, false});
}

Petition sample_petition(const std::string& ons_code, std::int64_t register_id) {
  TimetableRules rules;
  rules.bank_holiday_extension = {{make_date(2010, 1, 1), true}};
  Petition p;
  p.ons_code = ons_code;
  p.member_id = "2017-E14000864";
  p.mp_name = "Fiona Onasanya";
  p.constituency_name = "Peterborough";
  p.policy_id = "uk-2015";
  p.condition = "custodial-sentence";
  p.condition_detail = "custodial sentence of 3 months";
  p.notice = make_date(2019, 3, 5);
  p.timetable = compute_timetable(rules, HolidayRegion::england_and_wales, p.notice);
  p.register_id = register_id;
  p.maximum_signing_places = 10;
  p.opened_at = "2019-03-05T16:30:00Z";
  return p;
}

SigningPlace sample_place(std::int64_t petition_id, const std::string& name) {
  SigningPlace place;
  place.petition_id = petition_id;
  place.name = name;
  place.address = "Bridge Street\nPeterborough";
  place.postcode = "PE1 1HG";
  place.hours = {{1, 9 * 60, 17 * 60},
                 {2, 7 * 60, 17 * 60},
                 {3, 9 * 60, 17 * 60},
                 {4, 9 * 60, 22 * 60},
                 {5, 9 * 60, 17 * 60}};
  return place;
}

SignatureSheet in_person_sheet(std::int64_t petition_id, const std::string& elector_number,
                               std::int64_t place_id, std::int64_t clerk_id) {
  SignatureSheet sheet;
  sheet.petition_id = petition_id;
  sheet.elector_number = elector_number;
  sheet.channel = SigningChannel::in_person;
  sheet.place_id = place_id;
  sheet.identity_evidence = "passport";
  sheet.recorded_by = clerk_id;
  sheet.recorded_at = "2019-03-19T09:15:00Z";
  sheet.received_on = "2019-03-19";
  return sheet;
}

ErrorKind error_kind_of(const std::function<void()>& work, std::string* field) {
  try {
    work();
  } catch (const Error& error) {
    if (field != nullptr && error.where()) *field = error.where()->field;
    return error.kind();
  }
  ADD_FAILURE() << "no error";
  return ErrorKind::internal;
}

}  // namespace recall::contract
