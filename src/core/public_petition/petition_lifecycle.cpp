#include "core/public_petition/petition_lifecycle.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

using State = PublicPetitionState;
using Event = PetitionEvent;

constexpr std::array<std::pair<State, std::string_view>, 6> state_names{{
    {State::collecting_sponsors, "collecting-sponsors"},
    {State::sponsored, "sponsored"},
    {State::open, "open"},
    {State::closed, "closed"},
    {State::rejected, "rejected"},
    {State::hidden, "hidden"},
}};

struct Move {
  State from;
  Event event;
  State to;
};

// Every legal move; anything not listed is refused.
constexpr std::array<Move, 12> moves{{
    {State::collecting_sponsors, Event::sponsor_signed, State::collecting_sponsors},
    {State::collecting_sponsors, Event::enough_sponsors, State::sponsored},
    {State::collecting_sponsors, Event::hide, State::hidden},
    // Sponsors who follow the link while it waits for moderation still count as supporters.
    {State::sponsored, Event::sponsor_signed, State::sponsored},
    {State::sponsored, Event::enough_sponsors, State::sponsored},
    {State::sponsored, Event::publish, State::open},
    {State::sponsored, Event::reject, State::rejected},
    {State::sponsored, Event::hide, State::hidden},
    {State::open, Event::close, State::closed},
    {State::open, Event::hide, State::hidden},
    {State::closed, Event::hide, State::hidden},
    // A rejected petition can still be hidden when its text proves to be unpublishable.
    {State::rejected, Event::hide, State::hidden},
}};

ModerationDecision decision(ModerationReason reason, std::string_view note, std::int64_t now) {
  return ModerationDecision{reason, clean_text_field(note, "note", true), now};
}

}  // namespace

std::string_view to_string(PublicPetitionState state) {
  for (const auto& [value, name] : state_names) {
    if (value == state) return name;
  }
  return "hidden";
}

std::optional<PublicPetitionState> parse_public_petition_state(std::string_view text) {
  for (const auto& [value, name] : state_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(PetitionEvent event) {
  switch (event) {
    case Event::sponsor_signed:
      return "add a sponsor";
    case Event::enough_sponsors:
      return "add the last sponsor needed";
    case Event::publish:
      return "publish";
    case Event::reject:
      return "reject";
    case Event::hide:
      return "hide";
    case Event::close:
      return "close";
  }
  return "change";
}

PublicPetitionState next_state(PublicPetitionState from, PetitionEvent event) {
  for (const Move& move : moves) {
    if (move.from == from && move.event == event) return move.to;
  }
  throw Error(ErrorKind::conflict,
              fmt::format("cannot {} a petition that is {}", to_string(event), to_string(from)),
              SourceLocation{"", 0, 0, "state"});
}

void check_rules(const PetitionRules& rules) {
  const auto refuse = [](std::string message, std::string_view field) {
    throw_invalid(std::move(message), SourceLocation{"", 0, 0, std::string(field)});
  };
  if (rules.sponsors_needed < 1) refuse("a petition needs at least one sponsor", "sponsors_needed");
  if (rules.open_months < 1 || rules.open_months > 12) {
    refuse(fmt::format("a petition stays open 1 to 12 months, not {}", rules.open_months), "open_months");
  }
  std::int64_t previous = 0;
  for (const std::int64_t threshold : rules.thresholds) {
    if (threshold <= previous) refuse("thresholds must be positive and rising", "thresholds");
    previous = threshold;
  }
}

PublicPetition create_public_petition(PetitionText text, PetitionTarget target, const PetitionRules& rules,
                                      std::int64_t now) {
  check_rules(rules);
  PublicPetition petition;
  petition.text = std::move(text);
  petition.target = std::move(target);
  petition.created_at = now;
  for (const std::int64_t threshold : rules.thresholds)
    petition.thresholds.push_back(ThresholdMark{threshold, {}});
  return petition;
}

void add_sponsor(PublicPetition& petition, const PetitionRules& rules, std::int64_t now) {
  const bool enough = petition.sponsor_count + 1 >= rules.sponsors_needed;
  petition.state = next_state(petition.state, enough ? Event::enough_sponsors : Event::sponsor_signed);
  ++petition.sponsor_count;
  if (enough && !petition.sponsored_at) petition.sponsored_at = now;
}

void publish(PublicPetition& petition, const PetitionRules& rules, std::int64_t now) {
  check_rules(rules);
  petition.state = next_state(petition.state, Event::publish);
  petition.opened_at = now;
  petition.closes_at = closing_time(now, rules.open_months);
}

void reject(PublicPetition& petition, ModerationReason reason, std::string_view note, std::int64_t now) {
  if (hides_text(reason)) {
    hide(petition, reason, note, now);
    return;
  }
  ModerationDecision made = decision(reason, note, now);
  petition.state = next_state(petition.state, Event::reject);
  petition.moderation = std::move(made);
}

void hide(PublicPetition& petition, ModerationReason reason, std::string_view note, std::int64_t now) {
  ModerationDecision made = decision(reason, note, now);
  const State before = petition.state;
  petition.state = next_state(petition.state, Event::hide);
  petition.moderation = std::move(made);
  // Hiding an open petition stops signing at once; its count so far stays for the record.
  if (before == State::open) petition.closed_at = now;
}

bool close_if_due(PublicPetition& petition, std::int64_t now) {
  if (petition.state != State::open || !petition.closes_at || now < *petition.closes_at) return false;
  petition.state = next_state(petition.state, Event::close);
  petition.closed_at = *petition.closes_at;
  return true;
}

bool accepts_signatures(const PublicPetition& petition, std::int64_t now) {
  return petition.state == State::open && petition.closes_at && now < *petition.closes_at;
}

std::vector<std::int64_t> note_signature_count(PublicPetition& petition, std::int64_t count,
                                               std::int64_t now) {
  std::vector<std::int64_t> reached;
  for (ThresholdMark& mark : petition.thresholds) {
    if (!mark.reached_at && count >= mark.signatures) {
      mark.reached_at = now;
      reached.push_back(mark.signatures);
    }
  }
  return reached;
}

std::int64_t closing_time(std::int64_t opened_at, int period_months) {
  using namespace std::chrono;
  const sys_days opened_day = floor<days>(sys_seconds{seconds{opened_at}});
  const year_month_day opened{opened_day};
  const year_month target = year_month{opened.year(), opened.month()} + std::chrono::months{period_months};
  const day last_day = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  const year_month_day closing{target.year(), target.month(), std::min(opened.day(), last_day)};
  // Signing runs to the end of that day, so the petition closes at the midnight after it.
  return (sys_days{closing} + days{1}).time_since_epoch() / seconds{1};
}

}  // namespace recall::public_petition
