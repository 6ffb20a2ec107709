#pragma once
// The life of a public "call a by-election" petition (issue 5), as e-petitions runs it:
//
//   collecting_sponsors --(the 5th sponsor)--> sponsored --publish--> open --(period ends)--> closed
//           |                                     |  \--reject--> rejected (reason shown)
//           |                                     \----hide-----> hidden (text withdrawn)
//           \---------------------hide------------------------->  hidden
//   open, closed and rejected can still be hidden (a court order, a libel found late); hidden is final.
//
// Times are seconds since the Unix epoch, UTC (format with format_utc_timestamp at the edges). Every
// change goes through one table of legal moves, so an illegal one is refused with Error(conflict)
// naming the state and the move, whichever caller asks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/public_petition/moderation_reason.hpp"
#include "core/public_petition/petition_target.hpp"
#include "core/public_petition/petition_text.hpp"

namespace recall::public_petition {

enum class PublicPetitionState { collecting_sponsors, sponsored, open, closed, rejected, hidden };
std::string_view to_string(PublicPetitionState state);  // "collecting-sponsors", "sponsored", "open", ...
std::optional<PublicPetitionState> parse_public_petition_state(std::string_view text);

// What can happen to a petition. `sponsor_signed` is a sponsor short of the number needed;
// `enough_sponsors` the one that reaches it.
enum class PetitionEvent { sponsor_signed, enough_sponsors, publish, reject, hide, close };
std::string_view to_string(PetitionEvent event);

// The one table of legal moves: the state after `event`, or Error(conflict) when `from` forbids it.
PublicPetitionState next_state(PublicPetitionState from, PetitionEvent event);

struct PetitionRules {
  int sponsors_needed = 5;  // the sponsor that reaches this sends it to moderation
  int open_months = 6;      // how long a published petition collects signatures
  std::vector<std::int64_t> thresholds = {10'000, 100'000};  // a Government response, then a debate
};
// Throws Error(invalid_input) naming the rule: at least one sponsor, 1 to 12 months, thresholds
// positive and rising.
void check_rules(const PetitionRules& rules);

struct ThresholdMark {
  std::int64_t signatures = 0;
  std::optional<std::int64_t> reached_at;  // the first time the count reached it; kept if it falls back

  bool operator==(const ThresholdMark&) const = default;
};

struct ModerationDecision {
  ModerationReason reason = ModerationReason::duplicate;
  std::string note;  // the moderator's words, cleaned as free text; may be empty
  std::int64_t decided_at = 0;

  bool operator==(const ModerationDecision&) const = default;
};

struct PublicPetition {
  std::int64_t id = 0;  // assigned by the store
  PetitionText text;
  PetitionTarget target;
  PublicPetitionState state = PublicPetitionState::collecting_sponsors;
  std::int64_t created_at = 0;
  int sponsor_count = 0;
  std::optional<std::int64_t>
      sponsored_at;  // when the last sponsor needed signed: the moderation queue's order
  std::optional<std::int64_t> opened_at;
  std::optional<std::int64_t> closes_at;  // the first second it no longer takes signatures
  std::optional<std::int64_t> closed_at;
  std::optional<ModerationDecision> moderation;  // why it was rejected or hidden
  std::vector<ThresholdMark> thresholds;

  bool operator==(const PublicPetition&) const = default;
};

// A new petition from checked text and target, collecting sponsors.
PublicPetition create_public_petition(PetitionText text, PetitionTarget target, const PetitionRules& rules,
                                      std::int64_t now);

// The steps. Each checks the move against next_state and throws Error(conflict) if it is illegal.
void add_sponsor(PublicPetition& petition, const PetitionRules& rules, std::int64_t now);
void publish(PublicPetition& petition, const PetitionRules& rules, std::int64_t now);
// Rejects, or hides when the reason means the text must not be shown (hides_text).
void reject(PublicPetition& petition, ModerationReason reason, std::string_view note, std::int64_t now);
void hide(PublicPetition& petition, ModerationReason reason, std::string_view note, std::int64_t now);
// Closes an open petition whose period has ended; true when it did. Safe to call at any time.
bool close_if_due(PublicPetition& petition, std::int64_t now);
// Whether it takes signatures at `now`: open and before closes_at.
bool accepts_signatures(const PublicPetition& petition, std::int64_t now);

// Records the first time each threshold was reached; returns the thresholds newly reached.
std::vector<std::int64_t> note_signature_count(PublicPetition& petition, std::int64_t count,
                                               std::int64_t now);

// The end of the period for a petition opened at `opened_at`: the end of the same day of the month
// `period_months` later (UTC), the last day of that month when it is shorter.
std::int64_t closing_time(std::int64_t opened_at, int period_months);

}  // namespace recall::public_petition
