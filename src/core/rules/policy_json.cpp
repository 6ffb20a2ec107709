// Policies as JSON, every parameter, for the rules page that shows them side by side.
#include "core/rules/rules_json.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/json_fields.hpp"
#include "core/rules/json_shared.hpp"

namespace recall {

using nlohmann::json;
using rules_json_detail::iso;
using rules_json_detail::JsonFields;
using rules_json_detail::positive_span;
using rules_json_detail::span_json;
using rules_json_detail::threshold_json;

namespace {

json conditions_json(const Conditions& c) {
  json out = json::object();
  if (c.custodial_sentence) {
    const auto& r = *c.custodial_sentence;
    out["custodial-sentence"] = {{"citation", r.citation},
                                 {"suspended_sentence_counts", r.suspended_sentence_counts},
                                 {"remand_counts", r.remand_counts},
                                 {"hospital_order_counts", r.hospital_order_counts},
                                 {"after_appeal_period", r.after_appeal_period}};
  }
  if (c.suspension) {
    const auto& r = *c.suspension;
    out["suspension"] = {{"citation", r.citation},
                         {"requires_committee_report", r.requires_committee_report},
                         {"minimum_sitting_days", r.minimum_sitting_days},
                         {"minimum_days", r.minimum_days}};
  }
  if (c.allowance_conviction) {
    const auto& r = *c.allowance_conviction;
    out["allowance-conviction"] = {{"citation", r.citation}, {"after_appeal_period", r.after_appeal_period}};
  }
  if (c.party_change) {
    const auto& r = *c.party_change;
    out["party-change"] = {{"citation", r.citation},
                           {"on_leaving_party", r.on_leaving_party},
                           {"on_resigning_whip", r.on_resigning_whip},
                           {"on_joining_another", r.on_joining_another},
                           {"only_from_elected_party", r.only_from_elected_party}};
  }
  if (c.voter_application) out["voter-application"] = {{"citation", c.voter_application->citation}};
  return out;
}

json period_exclusion_json(const std::optional<PeriodExclusion>& e) {
  if (!e) return nullptr;
  return json{{"period", span_json(e->period)}, {"citation", e->citation}};
}

json flag_exclusion_json(const std::optional<FlagExclusion>& e) {
  if (!e) return nullptr;
  return json{{"citation", e->citation}};
}

json timetable_rules_json(const TimetableRules& t) {
  json extension = json::array();
  for (const auto& rule : t.bank_holiday_extension) {
    extension.push_back({{"applies_from", to_iso(rule.applies_from)}, {"extends", rule.extends}});
  }
  return json{{"uses_working_days", t.uses_working_days},
              {"requirement_notice_working_days", t.requirement_notice_working_days},
              {"designated_working_day", t.designated_working_day},
              {"cut_off_working_days_before", t.cut_off_working_days_before},
              {"signing_period_days", t.signing_period_days},
              {"bank_holiday_extension", extension},
              {"count_days_after_close", t.count_days_after_close}};
}

}  // namespace

json to_json(const Policy& p) {
  json out{{"id", p.id},
           {"title", p.title},
           {"jurisdiction", p.jurisdiction},
           {"summary", p.summary},
           {"in_force", to_iso(p.in_force)},
           {"source", p.source},
           {"conditions", conditions_json(p.conditions)},
           {"exclusions",
            {{"general_election_within", period_exclusion_json(p.exclusions.general_election_within)},
             {"petition_under_way", flag_exclusion_json(p.exclusions.petition_under_way)},
             {"seat_vacant", flag_exclusion_json(p.exclusions.seat_vacant)},
             {"too_soon_after_election", period_exclusion_json(p.exclusions.too_soon_after_election)}}},
           {"notice",
            {{"citation", p.notice.citation},
             {"working_days_after", p.notice.working_days_after},
             {"assumption", p.notice.assumption}}},
           {"timetable", timetable_rules_json(p.timetable)},
           {"proposal_threshold", p.proposal_threshold ? threshold_json(*p.proposal_threshold) : json(nullptr)},
           {"threshold", threshold_json(p.threshold)},
           {"signing",
            {{"maximum_signing_places", p.signing.maximum_signing_places},
             {"running_totals_sealed", p.signing.running_totals_sealed},
             {"online", p.signing.online_signing},
             {"postal", p.signing.postal_signing},
             {"proxy", p.signing.proxy_signing},
             {"citation", p.signing.citation}}},
           {"early_termination",
            {{"on_dissolution", p.early_termination.on_dissolution},
             {"on_seat_vacated", p.early_termination.on_seat_vacated},
             {"on_overturned_on_appeal", p.early_termination.on_overturned_on_appeal},
             {"citation", p.early_termination.citation}}},
           {"on_success", p.on_success}};
  out["recall_vote"] = p.recall_vote ? json{{"yes_must_exceed_no", p.recall_vote->yes_must_exceed_no},
                                            {"yes_threshold", p.recall_vote->yes_threshold ? threshold_json(*p.recall_vote->yes_threshold)
                                                                                    : json(nullptr)},
                                            {"citation", p.recall_vote->citation}}
                                     : json(nullptr);
  if (p.sample_verification) {
    const auto& s = *p.sample_verification;
    out["sample_verification"] = {{"sample_percent", format_percent(s.sample_percent)},
                                  {"sample_minimum", s.sample_minimum},
                                  {"certify_above_percent", format_percent(s.certify_above)},
                                  {"full_count_from_percent", format_percent(s.full_count_from)},
                                  {"citation", s.citation}};
  } else {
    out["sample_verification"] = nullptr;
  }
  json kinds = json::array();
  for (auto kind : condition_kinds(p)) kinds.push_back(to_string(kind));
  out["condition_kinds"] = kinds;
  return out;
}

}  // namespace recall
