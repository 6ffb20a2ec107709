#pragma once
// Everything the pages and the JSON API read, built once at start by `recall serve` (and by the
// tests) and shared by every handler. All of it outlives the Router.
#include "core/parliament/parliament.hpp"
#include "core/rules/event.hpp"
#include "core/rules/policy_set.hpp"
#include "service/petition_service.hpp"
#include "service/public_petition_service.hpp"
#include "store/store.hpp"

namespace recall::http {

class Templates;
class WebAuth;  // http/auth/web_auth.hpp

struct Site {
  const Parliament& parliament;
  const PolicySet& policies;
  const ParliamentCalendar& calendar;  // the Parliaments' dates (data/parliaments.yaml), for the rules engine
  Store& store;                        // postcode look-ups
  const Templates& templates;
  PetitionService& petitions;          // every petition step (service/petition_service.hpp)
  WebAuth& auth;                       // sessions, sign-in and sign-out
  PublicPetitionService& public_petitions;  // public petitions (service/public_petition_service.hpp)
};

}  // namespace recall::http
