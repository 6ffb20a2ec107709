#include "cli/petition/petition_json.hpp"

#include "core/rules/rules_json.hpp"

namespace recall::cli {

namespace {

nlohmann::ordered_json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

}  // namespace

double percent_number(long tenths) { return static_cast<double>(tenths) / 10.0; }

nlohmann::ordered_json to_json(const Declaration& result) {
  nlohmann::ordered_json by_reason = nlohmann::ordered_json::object();
  for (const auto& [reason, count] : result.rejected_by_reason)
    by_reason[std::string(to_string(reason))] = count;
  return {{"eligible", result.eligible},
          {"valid_signatures", result.valid_signatures},
          {"rejected", result.rejected},
          {"percent", percent_number(result.percent_tenths)},
          {"successful", result.successful},
          {"required", result.required},
          {"rejected_by_reason", by_reason},
          {"excluded_under_18", result.eligibility.excluded_under_18},
          {"excluded_late_application", result.eligibility.excluded_late_application},
          {"excluded_after_cut_off", result.eligibility.excluded_after_cut_off}};
}

nlohmann::ordered_json to_json(const SigningPlace& place) {
  auto hours = nlohmann::ordered_json::array();
  for (const OpeningHours& day : place.hours) {
    hours.push_back({{"weekday", day.weekday},
                     {"opens", format_clock_time(day.opens)},
                     {"closes", format_clock_time(day.closes)}});
  }
  return {{"id", place.id},
          {"petition_id", place.petition_id},
          {"name", place.name},
          {"address", place.address},
          {"postcode", place.postcode},
          {"hours", hours},
          {"hours_text", describe_opening_hours(place.hours)}};
}

nlohmann::ordered_json to_json(const Petition& petition, PetitionPhase phase) {
  nlohmann::ordered_json out{{"id", petition.id},
                             {"constituency", petition.ons_code},
                             {"constituency_name", petition.constituency_name},
                             {"member_id", petition.member_id},
                             {"mp_name", petition.mp_name},
                             {"policy", petition.policy_id},
                             {"condition", petition.condition},
                             {"condition_detail", petition.condition_detail},
                             {"phase", to_string(phase)},
                             {"notice", to_iso(petition.notice)},
                             {"timetable", to_json(petition.timetable)},
                             {"last_signing_day", to_iso(last_signing_day(petition))},
                             {"override_reason", petition.override_reason},
                             {"register_id", petition.register_id},
                             {"maximum_signing_places", petition.maximum_signing_places},
                             {"channels",
                              {{"postal", petition.postal_signing},
                               {"proxy", petition.proxy_signing},
                               {"online", petition.online_signing}}},
                             {"opened_at", petition.opened_at}};
  if (petition.termination) {
    out["termination"] = {{"on", to_iso(petition.termination->on)},
                          {"reason", to_string(petition.termination->reason)},
                          {"detail", petition.termination->detail}};
  }
  out["counted_at"] = optional_text(petition.counted_at);
  out["speaker_notified_at"] = optional_text(petition.speaker_notified_at);
  out["declared_at"] = optional_text(petition.declared_at);
  if (petition.count) out["count"] = to_json(*petition.count);
  return out;
}

nlohmann::ordered_json to_json(const PublicPetition& view) {
  nlohmann::ordered_json out = to_json(view.petition, view.phase);
  out["signatures_required"] = view.signatures_required;
  out["eligible_at_requirement"] = view.eligible_at_requirement;
  auto places = nlohmann::ordered_json::array();
  for (const SigningPlace& place : view.places) places.push_back(to_json(place));
  out["places"] = places;
  return out;
}

}  // namespace recall::cli
