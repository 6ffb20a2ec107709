#include "core/petition/petition_register.hpp"

#include <gtest/gtest.h>

#include "core/register/eligibility.hpp"
#include "core/register/synth.hpp"

namespace recall {
namespace {

const Date notice = make_date(2019, 3, 5);
const Date cut_off = make_date(2019, 3, 14);
const Date close = make_date(2019, 5, 1);

RegisterEntry addition(std::string number, std::string surname, std::string postcode, Date effective,
                       Date applied = make_date(2018, 12, 1)) {
  RegisterEntry entry;
  entry.elector_number = std::move(number);
  entry.surname = std::move(surname);
  entry.forenames = "Sam";
  entry.address_1 = "1 High Street";
  entry.postcode = std::move(postcode);
  entry.applied_on = applied;
  entry.effective_on = effective;
  return entry;
}

TEST(PetitionRegister, AppliesTheSameRecordsAsTheCount) {
  std::vector<RegisterEntry> records;
  records.push_back(addition("SA-1", "Okafor", "PE1 1AA", make_date(2018, 12, 1)));
  records.push_back(addition("SA-2", "Okafor", "PE1 2BB", make_date(2018, 12, 1)));
  // Applied after the notice, in effect before the cut-off: a late application does not count.
  records.push_back(addition("SA-3", "Late", "PE1 1AA", make_date(2019, 3, 12), make_date(2019, 3, 6)));
  // After the cut-off, not a court order: does not count.
  records.push_back(addition("SA-4", "After", "PE1 1AA", make_date(2019, 3, 20)));
  // After the cut-off by court order: counts.
  auto court = addition("SA-5", "Court", "PE1 1AA", make_date(2019, 3, 20));
  court.cause = ChangeCause::court_order;
  records.push_back(court);
  // An attainer who is still 17 at the close: on the register, may not sign.
  auto attainer = addition("SB-1", "Young", "PE1 1AA", make_date(2018, 12, 1));
  attainer.markers.attainer = true;
  attainer.date_of_birth = make_date(2001, 5, 2);
  records.push_back(attainer);
  // Deleted before the close.
  records.push_back(addition("SB-2", "Gone", "PE1 1AA", make_date(2018, 12, 1)));
  auto deletion = records.back();
  deletion.change = ChangeKind::deletion;
  deletion.effective_on = make_date(2019, 1, 10);
  records.push_back(deletion);
  // A correction changes the details in force.
  auto correction = records[0];
  correction.change = ChangeKind::correction;
  correction.surname = "Okafor-Smith";
  correction.effective_on = make_date(2019, 1, 5);
  records.push_back(correction);

  const PetitionRegister reg(records, notice, cut_off, close);
  EXPECT_EQ(reg.size(), 4u);  // SA-1, SA-2, SA-5, SB-1
  EXPECT_FALSE(reg.find("SA-3"));
  EXPECT_FALSE(reg.find("SA-4"));
  EXPECT_FALSE(reg.find("SB-2"));
  ASSERT_TRUE(reg.find("SA-5"));
  ASSERT_TRUE(reg.find("SB-1"));
  EXPECT_FALSE(reg.find("SB-1")->entitled);
  EXPECT_EQ(reg.find("SB-1")->reason, "under 18 on Wednesday 1 May 2019");
  EXPECT_EQ(reg.find("SA-1")->entry.surname, "Okafor-Smith");

  long entitled = 0;
  for (const auto* elector : reg.electors()) entitled += elector->entitled ? 1 : 0;
  EXPECT_EQ(entitled, count_eligible(records, notice, cut_off, close).eligible);
  EXPECT_EQ(reg.polling_districts(), (std::vector<std::string>{"SA", "SB"}));
}

TEST(PetitionRegister, SearchesByNameAndPostcodeButNeverFindsAnonymousElectors) {
  std::vector<RegisterEntry> records;
  records.push_back(addition("SA-1", "Okafor", "PE1 1AA", make_date(2018, 12, 1)));
  records.push_back(addition("SA-2", "OKAFOR", "PE1 2BB", make_date(2018, 12, 1)));
  auto anonymous = addition("SA-3", "", "", make_date(2018, 12, 1));
  anonymous.markers.anonymous = true;
  records.push_back(anonymous);
  const PetitionRegister reg(records, notice, cut_off, close);
  EXPECT_EQ(reg.search("okafor", "").size(), 2u);
  const auto one = reg.search("Okafor", "pe12bb");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0]->entry.elector_number, "SA-2");
  EXPECT_TRUE(reg.search("", "").empty());
  EXPECT_TRUE(reg.find("SA-3"));  // by number they are found
}

TEST(PetitionRegister, EveryoneEligibleInASyntheticRegisterMaySign) {
  const auto records = synthesise_register(SynthOptions{"PE1", "Peterborough", 2500, 9, notice, close});
  const PetitionRegister reg(records, notice, cut_off, close);
  long entitled = 0;
  for (const auto* elector : reg.electors()) entitled += elector->entitled ? 1 : 0;
  EXPECT_EQ(entitled, 2500);
}

TEST(ElectorNumbers, SortByDistrictThenNumber) {
  EXPECT_TRUE(elector_number_less("SA-2", "SA-10"));
  EXPECT_TRUE(elector_number_less("SA-999", "SB-1"));
  EXPECT_FALSE(elector_number_less("SA-10", "SA-2"));
}

}  // namespace
}  // namespace recall
