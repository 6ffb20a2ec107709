// Opening a petition from the Speaker's notice, and what anyone may read of it afterwards.
#include <fmt/format.h>

#include <utility>

#include "core/auth/clock.hpp"
#include "core/register/eligibility.hpp"
#include "service/petition_service.hpp"
#include "service/petition_steps.hpp"
#include "service/postal_sheets.hpp"

namespace recall {

using namespace petition_steps;

namespace {

// The MP who held the seat on `day` (s.1: the member the notice is about).
const Member* member_on(const Parliament& parliament, const std::string& ons_code, Date day) {
  const Member* found = nullptr;
  for (const Member* member : parliament.members_for(ons_code)) {
    if (member->elected_on <= day && (!member->served_until || day <= *member->served_until)) found = member;
  }
  return found;
}

ConditionKind condition_of(const Policy& policy, const std::string& wire_name) {
  ConditionKind kind{};
  try {
    kind = parse_condition_kind(wire_name);
  } catch (const Error&) {
    invalid("condition", fmt::format("\"{}\" is not a recall condition", wire_name));
  }
  if (!has_condition(policy, kind)) {
    invalid("condition", fmt::format("{} does not recognise the condition \"{}\"", policy.id, wire_name));
  }
  return kind;
}

const Member& member_of(const Parliament& parliament, const OpenPetitionRequest& request) {
  if (request.member_id) {
    const Member* member = parliament.member(*request.member_id);
    if (member == nullptr || member->constituency != request.ons_code) {
      invalid("member_id", fmt::format("\"{}\" is not an MP for {}", *request.member_id, request.ons_code));
    }
    return *member;
  }
  const Member* member = member_on(parliament, request.ons_code, request.notice);
  if (member == nullptr) {
    invalid("member_id", fmt::format("no MP for {} on {} in the reference data; name the member",
                                     request.ons_code, to_iso(request.notice)));
  }
  return *member;
}

}  // namespace

PetitionService::PetitionService(Store& store, const Parliament& parliament, const PolicySet& policies,
                                 Clock clock)
    : store_(store), parliament_(parliament), policies_(policies), clock_(std::move(clock)) {}

LocalDateTime PetitionService::now_local() const { return uk_local_time(clock_()); }

Petition PetitionService::open_petition(const Actor& actor, const OpenPetitionRequest& request) {
  require(actor, Permission::manage_petition);
  const Constituency* constituency = parliament_.constituency(request.ons_code);
  if (constituency == nullptr)
    invalid("ons_code", fmt::format("no constituency with ONS code \"{}\"", request.ons_code));
  const Policy* policy = policies_.find(request.policy_id);
  if (policy == nullptr) invalid("policy_id", fmt::format("no policy \"{}\"", request.policy_id));
  condition_of(*policy, request.condition);
  if (request.condition_detail.empty()) invalid("condition_detail", "describe the condition for the notices");
  if (request.notice < policy->in_force) {
    invalid("notice", fmt::format("{} was not in force on {}", policy->id, to_iso(request.notice)));
  }
  const bool overridden = request.overrides.designated_day || request.overrides.extend_for_bank_holidays;
  if (overridden && request.override_reason.empty()) {
    invalid("override_reason", "say why the timetable differs from the policy");
  }
  const Member& member = member_of(parliament_, request);

  const LocalDateTime now = now_local();
  if (now.date < request.notice) invalid("notice", "the Speaker's notice cannot be in the future");
  Timetable timetable = compute_timetable(policy->timetable, holiday_region(constituency->nation),
                                          request.notice, request.overrides);
  if (now.date >= timetable.designated_day) {
    conflict(
        fmt::format("signing would already have begun on {}; open the petition before its designated day",
                    to_iso(timetable.designated_day)));
  }

  Petition petition;
  petition.ons_code = constituency->ons_code;
  petition.member_id = member.id;
  petition.mp_name = member.name;
  petition.constituency_name = constituency->name;
  petition.policy_id = policy->id;
  petition.condition = request.condition;
  petition.condition_detail = request.condition_detail;
  petition.notice = request.notice;
  petition.overrides = request.overrides;
  petition.override_reason = overridden ? request.override_reason : std::string();
  petition.timetable = std::move(timetable);
  petition.maximum_signing_places = policy->signing.maximum_signing_places;
  petition.online_signing = policy->signing.online_signing;
  petition.postal_signing = policy->signing.postal_signing;
  petition.proxy_signing = policy->signing.proxy_signing;
  const std::int64_t at = clock_();
  petition.opened_at = format_utc_timestamp(at);

  std::shared_ptr<const PetitionRegister> electors;
  try {
    store_.transaction([&] {
      const auto info = store_.registers().latest_register(petition.ons_code);
      if (!info) conflict(fmt::format("import an electoral register for {} first", constituency->name));
      petition.register_id = info->id;
      petition.id = store_.petitions().create_petition(petition);
      electors = register_for(petition);
      store_.ledgers().lock_for_append(petition.id);
      const long issued = petition.postal_signing
                              ? issue_standing_postal_sheets({store_, ledger_key_, at}, actor, petition, *electors)
                              : 0;
      audit(store_, actor, at, "petition.open", target_of(petition.id),
            {{"constituency", petition.ons_code},
             {"member", petition.member_id},
             {"policy", petition.policy_id},
             {"condition", petition.condition},
             {"notice", to_iso(petition.notice)},
             {"designated_day", to_iso(petition.timetable.designated_day)},
             {"signing_period_end", to_iso(petition.timetable.signing_period_end)},
             {"override_reason", petition.override_reason},
             {"register_id", petition.register_id},
             {"postal_sheets_issued", issued}});
    });
  } catch (...) {
    if (petition.id != 0) forget_register(petition.id);  // the id was never committed
    throw;
  }
  return petition;
}

std::shared_ptr<const PetitionRegister> PetitionService::register_for(const Petition& petition) {
  {
    std::lock_guard lock(registers_mutex_);
    if (auto found = registers_.find(petition.id); found != registers_.end()) return found->second;
  }
  // Built outside the lock: a register of 100,000 records takes a moment, and two threads building the
  // same one at once only waste work.
  const auto records = store_.registers().load_register(petition.register_id);
  const Date cut_off = petition.timetable.cut_off_day.value_or(petition.notice);
  auto built =
      std::make_shared<const PetitionRegister>(records, petition.notice, cut_off, last_signing_day(petition));
  const Date requirement_day = petition.timetable.requirement_notice_by.value_or(petition.notice);
  const long eligible = count_eligible(records, petition.notice, cut_off, requirement_day).eligible;
  std::lock_guard lock(registers_mutex_);
  requirement_eligible_[petition.id] = eligible;
  return registers_.emplace(petition.id, std::move(built)).first->second;
}

long PetitionService::eligible_at_requirement(const Petition& petition) {
  register_for(petition);
  std::lock_guard lock(registers_mutex_);
  return requirement_eligible_.at(petition.id);
}

void PetitionService::forget_register(std::int64_t petition_id) {
  std::lock_guard lock(registers_mutex_);
  registers_.erase(petition_id);
  requirement_eligible_.erase(petition_id);
}

std::optional<PublicPetition> PetitionService::public_petition(std::int64_t id) {
  auto petition = store_.petitions().find_petition(id);
  if (!petition) return std::nullopt;
  PublicPetition view;
  view.phase = phase_of(*petition, now_local());
  if (view.phase != PetitionPhase::declared) petition->count.reset();
  view.eligible_at_requirement = eligible_at_requirement(*petition);
  view.signatures_required =
      required_signatures(policy_of(policies_, *petition).threshold, view.eligible_at_requirement);
  view.places = store_.petitions().list_places(id);
  view.petition = std::move(*petition);
  return view;
}

std::vector<PublicPetition> PetitionService::public_petitions() {
  std::vector<PublicPetition> out;
  for (const Petition& petition : store_.petitions().list_petitions()) {
    if (auto view = public_petition(petition.id)) out.push_back(std::move(*view));
  }
  return out;
}

Petition PetitionService::petition_for_staff(const Actor& actor, std::int64_t id) {
  if (!is_staff_or_observer(actor)) require(actor, Permission::manage_petition);  // throws the right error
  Petition petition = load_petition(store_, id);
  // The sealed count is the officer's alone until the public notice.
  if (!petition.declared_at && !may(actor.role, actor.duty, Permission::run_count)) petition.count.reset();
  return petition;
}

}  // namespace recall
