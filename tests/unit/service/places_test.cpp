// Signing places: the policy's maximum, the hours, and the default allocation that keeps the
// officer's own moves.
#include "service_world.hpp"

namespace recall::testing {
namespace {

class Places : public ServiceTest {};

TEST_F(Places, AtMostThePolicyMaximumAndOnlyBeforeSigningOpens) {
  const std::int64_t id = open_with_places(10);
  try {
    service_.add_place(officer_, place(id, 11));
    ADD_FAILURE() << "an eleventh place";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  EXPECT_EQ(service_.places(id).size(), 10U);
  EXPECT_EQ(audit_actions("petition.place.add").size(), 10U);
}

TEST_F(Places, HoursAndAddressAreChecked) {
  import_register();
  const std::int64_t id = service_.open_petition(officer_, peterborough_request()).id;
  SigningPlace bad = place(id, 1);
  bad.hours[0].closes = 16 * 60;  // shorter than 09:00-17:00 on a Monday
  EXPECT_THROW(service_.add_place(officer_, bad), Error);
  bad = place(id, 1);
  bad.postcode = "not a postcode";
  try {
    service_.add_place(officer_, bad);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.where()->field, "postcode");
  }
  EXPECT_TRUE(service_.places(id).empty());
}

TEST_F(Places, AddingAPlaceKeepsDistrictsMovedByHand) {
  const std::int64_t id = open_with_places(1);
  const Allocation first = service_.allocation(officer_, id);
  ASSERT_GE(first.size(), 1U);
  const std::int64_t second = service_.add_place(officer_, place(id, 2));
  const Allocation two = service_.allocation(officer_, id);
  const std::string moved = two.rbegin()->first;
  const std::int64_t elsewhere = two.rbegin()->second == second ? place_ids_[0] : second;
  service_.move_district(officer_, id, moved, elsewhere);
  service_.add_place(officer_, place(id, 3));
  EXPECT_EQ(service_.allocation(officer_, id).at(moved), elsewhere);
  EXPECT_EQ(audit_actions("petition.allocation.move").size(), 1U);
  try {
    service_.move_district(officer_, id, "QQ", second);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.where()->field, "district");
  }
}

TEST_F(Places, NoticesGoToEveryEntitledElectorButNotOverseas) {
  const std::int64_t id = open_with_places(2);
  const auto notices = service_.elector_notices(officer_, id);
  long expected = 0;
  for (const PetitionElector* e : electors_->electors())
    expected += e->entitled && !e->entry.markers.overseas ? 1 : 0;
  EXPECT_EQ(std::ssize(notices), expected);
  for (const ElectorNotice& n : notices) EXPECT_FALSE(n.elector.entry.markers.overseas);
}

}  // namespace
}  // namespace recall::testing
