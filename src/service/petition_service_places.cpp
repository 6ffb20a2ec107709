// Signing places (s.7), the allocation of polling districts to them, and the notices electors are sent.
#include <fmt/format.h>

#include <algorithm>

#include "core/auth/clock.hpp"
#include "service/allocation_update.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

namespace {

// Checks what the officer typed and returns the place with its postcode normalised.
SigningPlace checked_place(const SigningPlace& place) {
  SigningPlace out = place;
  if (place.name.empty()) invalid("name", "give the signing place a name");
  if (place.address.empty()) invalid("address", "give the signing place's address");
  const auto postcode = normalise_postcode(place.postcode);
  if (!postcode) invalid("postcode", fmt::format("\"{}\" is not a UK postcode", place.postcode));
  out.postcode = *postcode;
  check_opening_hours(place.hours);
  return out;
}

std::vector<std::int64_t> ids_of(const std::vector<SigningPlace>& places) {
  std::vector<std::int64_t> ids;
  for (const SigningPlace& place : places) ids.push_back(place.id);
  return ids;
}

nlohmann::json place_detail(const SigningPlace& place) {
  return {{"place_id", place.id},
          {"name", place.name},
          {"postcode", place.postcode},
          {"hours", describe_opening_hours(place.hours)}};
}

}  // namespace

std::int64_t PetitionService::add_place(const Actor& actor, const SigningPlace& place) {
  require(actor, Permission::manage_petition);
  SigningPlace checked = checked_place(place);
  std::int64_t id = 0;
  store_.transaction([&] {
    const Petition petition = load_petition(store_, place.petition_id);
    // Electors are told their place before signing opens; moving them afterwards would send people
    // to the wrong door.
    require_phase(phase_of(petition, now_local()), {PetitionPhase::awaiting_signing}, "add a signing place");
    const auto existing = store_.petitions().list_places(petition.id);
    if (petition.maximum_signing_places > 0 && std::ssize(existing) >= petition.maximum_signing_places) {
      conflict(fmt::format("{} allows at most {} signing places", petition.policy_id,
                           petition.maximum_signing_places));
    }
    id = store_.petitions().add_place(checked);
    checked.id = id;
    auto places_after = ids_of(existing);
    places_after.push_back(id);
    const auto districts = register_for(petition)->polling_districts();
    store_.petitions().set_allocation(petition.id,
                                      reallocate(districts, ids_of(existing), places_after,
                                                 store_.petitions().load_allocation(petition.id)));
    audit(store_, actor, clock_(), "petition.place.add", target_of(petition.id), place_detail(checked));
  });
  return id;
}

void PetitionService::update_place(const Actor& actor, const SigningPlace& place) {
  require(actor, Permission::manage_petition);
  const SigningPlace checked = checked_place(place);
  store_.transaction([&] {
    const Petition petition = load_petition(store_, place.petition_id);
    require_phase(phase_of(petition, now_local()), {PetitionPhase::awaiting_signing, PetitionPhase::signing},
                  "change a signing place");
    const auto existing = store_.petitions().list_places(petition.id);
    if (std::none_of(existing.begin(), existing.end(),
                     [&](const SigningPlace& p) { return p.id == place.id; })) {
      throw_not_found(fmt::format("petition {} has no signing place {}", petition.id, place.id));
    }
    store_.petitions().update_place(checked);
    audit(store_, actor, clock_(), "petition.place.update", target_of(petition.id), place_detail(checked));
  });
}

std::vector<SigningPlace> PetitionService::places(std::int64_t petition_id) {
  load_petition(store_, petition_id);  // Error(not_found) rather than an empty list for a wrong id
  return store_.petitions().list_places(petition_id);
}

Allocation PetitionService::allocation(const Actor& actor, std::int64_t petition_id) {
  if (!is_staff_or_observer(actor)) require(actor, Permission::manage_petition);
  load_petition(store_, petition_id);
  return store_.petitions().load_allocation(petition_id);
}

void PetitionService::move_district(const Actor& actor, std::int64_t petition_id, const std::string& district,
                                    std::int64_t place_id) {
  require(actor, Permission::manage_petition);
  store_.transaction([&] {
    const Petition petition = load_petition(store_, petition_id);
    require_phase(phase_of(petition, now_local()), {PetitionPhase::awaiting_signing},
                  "move a polling district");
    const auto districts = register_for(petition)->polling_districts();
    if (!std::binary_search(districts.begin(), districts.end(), district)) {
      invalid("district", fmt::format("\"{}\" is not a polling district on the register", district));
    }
    const auto existing = store_.petitions().list_places(petition_id);
    if (std::none_of(existing.begin(), existing.end(),
                     [&](const SigningPlace& p) { return p.id == place_id; })) {
      invalid("place_id", fmt::format("petition {} has no signing place {}", petition_id, place_id));
    }
    Allocation allocation = store_.petitions().load_allocation(petition_id);
    const auto before = allocation.find(district);
    const nlohmann::json from =
        before == allocation.end() ? nlohmann::json(nullptr) : nlohmann::json(before->second);
    allocation[district] = place_id;
    store_.petitions().set_allocation(petition_id, allocation);
    audit(store_, actor, clock_(), "petition.allocation.move", target_of(petition_id),
          {{"district", district}, {"from_place_id", from}, {"to_place_id", place_id}});
  });
}

std::vector<ElectorNotice> PetitionService::elector_notices(const Actor& actor, std::int64_t petition_id) {
  require(actor, Permission::manage_petition);
  const Petition petition = load_petition(store_, petition_id);
  const Allocation allocation = store_.petitions().load_allocation(petition_id);
  std::map<std::int64_t, SigningPlace> places;
  for (SigningPlace& place : store_.petitions().list_places(petition_id))
    places.emplace(place.id, std::move(place));
  std::vector<ElectorNotice> notices;
  for (const PetitionElector* elector : register_for(petition)->electors()) {
    // s.7: overseas electors are not sent the notice; those who may not sign are not invited to.
    if (elector->entry.markers.overseas || !elector->entitled) continue;
    const std::string district(polling_district_of(elector->entry.elector_number));
    const auto allocated = allocation.find(district);
    if (allocated == allocation.end() || !places.contains(allocated->second)) {
      conflict(fmt::format("polling district {} has no signing place yet", district));
    }
    notices.push_back(ElectorNotice{*elector, places.at(allocated->second)});
  }
  return notices;
}

}  // namespace recall
