#include "core/petition/petition.hpp"

#include <array>
#include <utility>

namespace recall {

namespace {
constexpr std::array<std::pair<TerminationReason, std::string_view>, 3> termination_names{{
    {TerminationReason::dissolution, "dissolution"},
    {TerminationReason::seat_vacated, "seat-vacated"},
    {TerminationReason::overturned_on_appeal, "overturned-on-appeal"},
}};
}  // namespace

std::string_view to_string(TerminationReason reason) {
  for (const auto& [value, name] : termination_names) {
    if (value == reason) return name;
  }
  return "dissolution";
}

std::optional<TerminationReason> parse_termination_reason(std::string_view text) {
  for (const auto& [value, name] : termination_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(PetitionPhase phase) {
  switch (phase) {
    case PetitionPhase::awaiting_signing: return "awaiting-signing";
    case PetitionPhase::signing: return "signing";
    case PetitionPhase::closed: return "closed";
    case PetitionPhase::counted: return "counted";
    case PetitionPhase::speaker_notified: return "speaker-notified";
    case PetitionPhase::declared: return "declared";
  }
  return "closed";
}

Date last_signing_day(const Petition& petition) {
  const Date end = petition.timetable.signing_period_end;
  if (petition.termination && petition.termination->on <= end) return petition.termination->on - std::chrono::days{1};
  return end;
}

PetitionPhase phase_of(const Petition& petition, const LocalDateTime& now) {
  // Recorded steps decide first: they can only have happened after the close.
  if (petition.declared_at) return PetitionPhase::declared;
  if (petition.speaker_notified_at) return PetitionPhase::speaker_notified;
  if (petition.count) return PetitionPhase::counted;
  // Signing runs to the end of the last day (s.9(2): "the period of 6 weeks beginning with"), so
  // the petition closes at local midnight after it.
  // A termination takes effect when recorded: it is stored only once given, so the petition is
  // closed from then on, whatever its date says.
  if (petition.termination || now.date > last_signing_day(petition)) return PetitionPhase::closed;
  if (now.date < petition.timetable.designated_day) return PetitionPhase::awaiting_signing;
  return PetitionPhase::signing;
}

bool is_sealed(PetitionPhase phase) { return phase != PetitionPhase::declared; }

}  // namespace recall
