// PetitionStore contract, signing places (s.7): hours round trip, updates, and the allocation of
// polling districts replaced whole.
#include "contract/sample_petition.hpp"
#include "contract/store_contract.hpp"

namespace recall::contract {

namespace {

struct Opened {
  std::int64_t petition_id = 0;
  std::int64_t other_petition_id = 0;  // another constituency's
};

Opened open_two(Store& store) {
  Opened out;
  out.petition_id = store.petitions().create_petition(
      sample_petition("E14000864", import_sample_register(store, "E14000864")));
  out.other_petition_id = store.petitions().create_petition(
      sample_petition("W07000064", import_sample_register(store, "W07000064")));
  return out;
}

}  // namespace

TEST_P(StoreContract, SigningPlacesRoundTripWithTheirHours) {
  auto store = open();
  auto& petitions = store->petitions();
  const Opened opened = open_two(*store);
  SigningPlace town_hall = sample_place(opened.petition_id, "Peterborough Town Hall");
  // Given out of weekday order: the order is kept as given.
  SigningPlace library = sample_place(opened.petition_id, "Werrington Library");
  library.hours = {{6, 10 * 60, 13 * 60}, {1, 9 * 60, 17 * 60}};
  SigningPlace elsewhere = sample_place(opened.other_petition_id, "Brecon Guildhall");

  town_hall.id = petitions.add_place(town_hall);
  elsewhere.id = petitions.add_place(elsewhere);
  library.id = petitions.add_place(library);
  EXPECT_EQ(petitions.list_places(opened.petition_id), (std::vector<SigningPlace>{town_hall, library}));
  EXPECT_EQ(petitions.list_places(opened.other_petition_id), std::vector<SigningPlace>{elsewhere});

  library.name = "Werrington Centre";
  library.address = "Staniland Way";
  library.hours = minimum_opening_hours();
  petitions.update_place(library);
  EXPECT_EQ(petitions.list_places(opened.petition_id), (std::vector<SigningPlace>{town_hall, library}));
  // A place with no hours at all is stored as shut every day.
  town_hall.hours.clear();
  petitions.update_place(town_hall);
  EXPECT_EQ(petitions.list_places(opened.petition_id).front(), town_hall);
}

TEST_P(StoreContract, BadSigningPlacesAreRefused) {
  auto store = open();
  auto& petitions = store->petitions();
  const Opened opened = open_two(*store);
  SigningPlace place = sample_place(opened.petition_id, "Town Hall");
  EXPECT_EQ(error_kind_of([&] { petitions.update_place(place); }), ErrorKind::not_found)
      << "id 0 was never added";
  SigningPlace orphan = place;
  orphan.petition_id = 999;
  EXPECT_EQ(error_kind_of([&] { petitions.add_place(orphan); }), ErrorKind::not_found);

  std::string field;
  SigningPlace bad = place;
  bad.hours.push_back({2, 8 * 60, 18 * 60});
  EXPECT_EQ(error_kind_of([&] { petitions.add_place(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "hours[5].weekday");
  bad = place;
  bad.hours[1].closes = bad.hours[1].opens;
  EXPECT_EQ(error_kind_of([&] { petitions.add_place(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "hours[1].closes");
  bad = place;
  bad.name = "";
  EXPECT_EQ(error_kind_of([&] { petitions.add_place(bad); }, &field), ErrorKind::invalid_input);
  EXPECT_EQ(field, "name");
  EXPECT_TRUE(petitions.list_places(opened.petition_id).empty());
}

TEST_P(StoreContract, AllocationIsReplacedWhole) {
  auto store = open();
  auto& petitions = store->petitions();
  const Opened opened = open_two(*store);
  const std::int64_t north = petitions.add_place(sample_place(opened.petition_id, "North"));
  const std::int64_t south = petitions.add_place(sample_place(opened.petition_id, "South"));
  const std::int64_t elsewhere = petitions.add_place(sample_place(opened.other_petition_id, "Elsewhere"));
  EXPECT_TRUE(petitions.load_allocation(opened.petition_id).empty());

  const Allocation first{{"NA", north}, {"NB", north}, {"SA", south}};
  petitions.set_allocation(opened.petition_id, first);
  petitions.set_allocation(opened.other_petition_id, {{"NA", elsewhere}});
  EXPECT_EQ(petitions.load_allocation(opened.petition_id), first);

  const Allocation moved{{"NA", south}, {"SA", south}};
  petitions.set_allocation(opened.petition_id, moved);
  EXPECT_EQ(petitions.load_allocation(opened.petition_id), moved);
  EXPECT_EQ(petitions.load_allocation(opened.other_petition_id), (Allocation{{"NA", elsewhere}}));

  // A place of another petition is refused and the allocation in force stays as it was.
  std::string field;
  EXPECT_EQ(error_kind_of(
                [&] {
                  petitions.set_allocation(opened.petition_id, {{"NA", north}, {"SB", elsewhere}});
                },
                &field),
            ErrorKind::invalid_input);
  EXPECT_EQ(field, "allocation.SB");
  EXPECT_EQ(petitions.load_allocation(opened.petition_id), moved);
  EXPECT_EQ(error_kind_of([&] { petitions.set_allocation(999, {}); }), ErrorKind::not_found);

  petitions.set_allocation(opened.petition_id, {});
  EXPECT_TRUE(petitions.load_allocation(opened.petition_id).empty());
}

}  // namespace recall::contract
