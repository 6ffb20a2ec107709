// Signing in person at a signing place (s.11): the clerk finds the elector, checks their place, the
// hours and any proxy, and marks the register. Nothing here is logged outside the audit log, whose
// sheet entries stay hidden until the declaration, and the petition's sealed ledger.
#include <fmt/format.h>

#include <algorithm>

#include "core/auth/clock.hpp"
#include "service/petition_ledger.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"

namespace recall {

using namespace petition_steps;

std::string_view to_string(InPersonOutcome outcome) {
  switch (outcome) {
    case InPersonOutcome::signed_petition:
      return "signed";
    case InPersonOutcome::already_signed:
      return "already-signed";
    case InPersonOutcome::wrong_place:
      return "wrong-place";
    case InPersonOutcome::not_entitled:
      return "not-entitled";
    case InPersonOutcome::place_closed:
      return "place-closed";
    case InPersonOutcome::no_proxy:
      return "no-proxy";
  }
  return "unknown";
}

namespace {

SigningPlace place_of(Store& store, std::int64_t petition_id, std::int64_t place_id) {
  for (SigningPlace& place : store.petitions().list_places(petition_id)) {
    if (place.id == place_id) return std::move(place);
  }
  invalid("place_id", fmt::format("petition {} has no signing place {}", petition_id, place_id));
}

std::optional<std::int64_t> allocated_place(const Allocation& allocation, std::string_view elector_number) {
  const auto found = allocation.find(std::string(polling_district_of(elector_number)));
  if (found == allocation.end()) return std::nullopt;
  return found->second;
}

void check_request(const InPersonRequest& request) {
  if (!is_valid_elector_number(request.elector_number)) {
    invalid("elector_number",
            fmt::format("\"{}\" is not an elector number like SA-123", request.elector_number));
  }
  if (request.identity_evidence.empty()) invalid("identity_evidence", "record the identity document shown");
  if (request.proxy_name.empty() != request.proxy_address.empty()) {
    invalid(request.proxy_name.empty() ? "proxy_name" : "proxy_address",
            "a proxy signing gives both their name and their address");
  }
}

bool has_proxy(const RegisterEntry& entry) {
  return entry.absent_vote == AbsentVote::proxy || entry.absent_vote == AbsentVote::postal_proxy;
}

}  // namespace

std::vector<ClerkElector> PetitionService::clerk_lookup(const Actor& actor, std::int64_t petition_id,
                                                        std::int64_t place_id,
                                                        const std::string& elector_number_or_surname,
                                                        const std::string& postcode) {
  require(actor, Permission::mark_register_in_person);
  if (elector_number_or_surname.empty()) invalid("query", "give an elector number or a surname");
  const Petition petition = load_petition(store_, petition_id);
  place_of(store_, petition_id, place_id);
  const auto electors = register_for(petition);
  std::vector<const PetitionElector*> found;
  if (is_valid_elector_number(elector_number_or_surname)) {
    if (const auto* elector = electors->find(elector_number_or_surname)) found.push_back(elector);
  } else {
    found = electors->search(elector_number_or_surname, postcode);
  }
  const Allocation allocation = store_.petitions().load_allocation(petition_id);
  std::vector<ClerkElector> out;
  for (const PetitionElector* elector : found) {
    ClerkElector row;
    row.elector = *elector;
    row.place_id = allocated_place(allocation, elector->entry.elector_number).value_or(0);
    row.at_this_place = row.place_id == place_id;
    // Only the elector's own place may know whether their line is marked (secrecy).
    if (row.at_this_place) {
      row.already_marked =
          store_.petitions().find_signature(petition_id, elector->entry.elector_number).has_value();
    }
    out.push_back(std::move(row));
  }
  return out;
}

InPersonResult PetitionService::sign_in_person(const Actor& actor, const InPersonRequest& request) {
  require(actor, Permission::mark_register_in_person);
  check_request(request);
  const std::int64_t at = clock_();
  const LocalDateTime now = uk_local_time(at);
  InPersonResult result;
  InPersonOutcome& outcome = result.outcome;
  store_.transaction([&] {
    // Every outcome takes the append lock, so waiting for it says nothing about which one this is.
    store_.ledgers().lock_for_append(request.petition_id);
    const Petition petition = load_petition(store_, request.petition_id);
    const SigningPlace place = place_of(store_, petition.id, request.place_id);
    const bool by_proxy = !request.proxy_name.empty();
    const SigningChannel channel = by_proxy ? SigningChannel::proxy_in_person : SigningChannel::in_person;

    const PetitionElector* elector = register_for(petition)->find(request.elector_number);
    const auto own_place =
        elector == nullptr
            ? std::nullopt
            : allocated_place(store_.petitions().load_allocation(petition.id), request.elector_number);
    if (elector == nullptr || !elector->entitled) {
      outcome = InPersonOutcome::not_entitled;
    } else if (own_place != place.id) {
      outcome = InPersonOutcome::wrong_place;
      // The clerk is told only "not this place"; an earlier signature elsewhere is still an attempt
      // to sign twice (s.12), so the officer gets to know of it, by one statement that takes the same
      // time either way. No leaf is appended for it: appending only when the elector has signed would
      // let the response time tell the clerk what the statement hides (docs/ledger-format.md).
      store_.petitions().add_double_signing_attempt_if_signed(DoubleSigningAttempt{
          0, petition.id, request.elector_number, channel, place.id, actor.user_id, format_utc_timestamp(at)});
    } else if (!is_open(place, petition.timetable, last_signing_day(petition), now)) {
      outcome = InPersonOutcome::place_closed;
    } else if (by_proxy && (!petition.proxy_signing || !has_proxy(elector->entry))) {
      outcome = InPersonOutcome::no_proxy;
    } else {
      SignatureSheet sheet;
      sheet.petition_id = petition.id;
      sheet.elector_number = request.elector_number;
      sheet.channel = channel;
      sheet.place_id = place.id;
      sheet.identity_evidence = request.identity_evidence;
      sheet.proxy_name = request.proxy_name;
      sheet.proxy_address = request.proxy_address;
      sheet.recorded_by = actor.user_id;
      sheet.recorded_at = format_utc_timestamp(at);
      sheet.received_on = to_iso(now.date);
      petition_ledger::RecordedSheet recorded =
          petition_ledger::record_sheet({store_, ledger_key_, at}, std::move(sheet), now.date);
      outcome = recorded.recorded ? InPersonOutcome::signed_petition : InPersonOutcome::already_signed;
      result.receipt = std::move(recorded.receipt);
    }
    audit(store_, actor, at, std::string(sheet_action_prefix) + "in-person", target_of(petition.id),
          {{"place_id", place.id},
           {"elector_number", request.elector_number},
           {"channel", to_string(channel)},
           {"identity_evidence", request.identity_evidence},
           {"outcome", to_string(outcome)}});
  });
  return result;
}

}  // namespace recall
