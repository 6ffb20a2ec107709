#pragma once
// Peterborough 2019 as a petition: notice Tue 5 Mar, designated day Tue 19 Mar, six weeks extended for
// Good Friday and Easter Monday to Wed 1 May.
#include "core/petition/petition.hpp"
#include "core/timetable/timetable.hpp"

namespace recall::testing {

inline Timetable peterborough_timetable() {
  TimetableRules rules;
  rules.bank_holiday_extension = {BankHolidayExtensionRule{make_date(2016, 3, 4), true}};
  return compute_timetable(rules, HolidayRegion::england_and_wales, make_date(2019, 3, 5));
}

inline Petition peterborough_petition() {
  Petition petition;
  petition.id = 1;
  petition.ons_code = "E14000878";
  petition.policy_id = "uk-2015";
  petition.condition = "custodial-sentence";
  petition.notice = make_date(2019, 3, 5);
  petition.timetable = peterborough_timetable();
  return petition;
}

}  // namespace recall::testing
