#include "http/routes/policy_table.hpp"

#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "http/routes/format.hpp"

namespace recall::http {

namespace {

using Lines = std::vector<std::string>;

std::string cite(const std::string& citation) { return citation.empty() ? "" : " (" + citation + ")"; }
std::string yes_no(bool value) { return value ? "Yes" : "No"; }

std::string ordinal(long n) {
  const long last_two = n % 100;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                       : n % 10 == 1                      ? "st"
                       : n % 10 == 2                      ? "nd"
                       : n % 10 == 3                      ? "rd"
                                                          : "th";
  return std::to_string(n) + suffix;
}

std::string base_words(ThresholdBase base) {
  switch (base) {
    case ThresholdBase::register_at_close: return "registered electors at the close of signing";
    case ThresholdBase::register_at_last_election: return "registered electors at the last election";
    case ThresholdBase::votes_at_last_election: return "votes cast for the office at the last election";
  }
  return to_string(base);
}

std::string threshold_words(const Threshold& threshold) {
  return fmt::format("{} {}% of {}{}", threshold.comparison == ThresholdComparison::at_least ? "At least" : "More than",
                     format_percent(threshold.percent), base_words(threshold.base), cite(threshold.citation));
}

Lines conditions(const Policy& policy) {
  Lines lines;
  const Conditions& c = policy.conditions;
  if (c.custodial_sentence) {
    std::string text = "Sentenced to prison or detention" + cite(c.custodial_sentence->citation);
    Lines notes;
    if (c.custodial_sentence->suspended_sentence_counts) notes.emplace_back("suspended sentences count");
    if (!c.custodial_sentence->remand_counts) notes.emplace_back("remand does not");
    if (!c.custodial_sentence->hospital_order_counts) notes.emplace_back("hospital orders alone do not");
    if (c.custodial_sentence->after_appeal_period) notes.emplace_back("once the appeal period ends");
    if (!notes.empty()) text += ": " + fmt::format("{}", fmt::join(notes, ", "));
    lines.push_back(text);
  }
  if (c.suspension) {
    lines.push_back(fmt::format("Suspended for at least {} sitting days or {} days{}{}", c.suspension->minimum_sitting_days,
                                c.suspension->minimum_days,
                                c.suspension->requires_committee_report ? " after a Standards Committee report" : "",
                                cite(c.suspension->citation)));
  }
  if (c.allowance_conviction) {
    lines.push_back("Convicted of a false or misleading allowance claim" + cite(c.allowance_conviction->citation));
  }
  if (c.party_change) {
    Lines how;
    if (c.party_change->on_leaving_party) how.emplace_back("leaving the party");
    if (c.party_change->on_resigning_whip) how.emplace_back("resigning the whip");
    if (c.party_change->on_joining_another) how.emplace_back("joining another party");
    lines.push_back(fmt::format("Changing party: {}{}{}", fmt::join(how, ", "),
                                c.party_change->only_from_elected_party ? " (only from the party elected for)" : "",
                                cite(c.party_change->citation)));
  }
  if (c.voter_application) lines.push_back("Any registered voter may apply" + cite(c.voter_application->citation));
  return lines;
}

Lines exclusions(const Policy& policy) {
  Lines lines;
  const Exclusions& e = policy.exclusions;
  if (e.general_election_within) {
    lines.push_back(fmt::format("The next general election is due within {}{}", describe(e.general_election_within->period),
                                cite(e.general_election_within->citation)));
  }
  if (e.petition_under_way) lines.push_back("A petition is already under way" + cite(e.petition_under_way->citation));
  if (e.seat_vacant) lines.push_back("The seat is vacant" + cite(e.seat_vacant->citation));
  if (e.too_soon_after_election) {
    lines.push_back(fmt::format("Within {} of the election{}", describe(e.too_soon_after_election->period),
                                cite(e.too_soon_after_election->citation)));
  }
  if (lines.empty()) lines.emplace_back("None");
  return lines;
}

std::string day_unit(const Policy& policy) { return policy.timetable.uses_working_days ? "working day" : "day"; }

Lines extension(const Policy& policy) {
  Lines lines;
  for (const BankHolidayExtensionRule& rule : policy.timetable.bank_holiday_extension) {
    lines.push_back(fmt::format("From {}: {}", day_month_year(rule.applies_from),
                                rule.extends ? "bank holidays when places shut are added to the end"
                                             : "the end date stays six weeks after opening"));
  }
  if (lines.empty()) lines.emplace_back("Never extended");
  return lines;
}

Lines sample(const Policy& policy) {
  if (!policy.sample_verification) return {"Every signature is checked"};
  const SampleVerification& s = *policy.sample_verification;
  return {fmt::format("Sample {}% of signatures or {}, whichever is greater{}", format_percent(s.sample_percent),
                      with_thousands(s.sample_minimum), cite(s.citation)),
          fmt::format("Projected above {}% of the requirement: certified", format_percent(s.certify_above)),
          fmt::format("{}% to {}%: full count", format_percent(s.full_count_from), format_percent(s.certify_above)),
          fmt::format("Below {}%: fails", format_percent(s.full_count_from))};
}

std::string on_success_words(const std::string& outcome) {
  if (outcome == "by-election") return "The seat is vacated and a by-election follows";
  if (outcome == "seat-vacated") return "The seat is vacated";
  if (outcome == "recall-vote") return "A recall vote follows";
  return outcome;
}

struct Row {
  const char* label;
  std::function<Lines(const Policy&)> cell;
};

}  // namespace

nlohmann::json policy_table_json(const PolicySet& policies) {
  const std::vector<Row> rows = {
      {"Jurisdiction", [](const Policy& p) { return Lines{p.jurisdiction}; }},
      {"In force from", [](const Policy& p) { return Lines{day_month_year(p.in_force)}; }},
      {"Recall conditions", conditions},
      {"No petition when", exclusions},
      {"Proposal stage",
       [](const Policy& p) {
         return Lines{p.proposal_threshold ? threshold_words(*p.proposal_threshold) : std::string("None")};
       }},
      {"Threshold and base", [](const Policy& p) { return Lines{threshold_words(p.threshold), describe_rule(p.threshold)}; }},
      {"Notice", [](const Policy& p) { return Lines{p.notice.assumption.empty() ? p.notice.citation : p.notice.assumption}; }},
      {"Signing opens",
       [](const Policy& p) {
         if (p.timetable.designated_working_day == 0) return Lines{"On the day of the notice"};
         return Lines{fmt::format("The {} {} after the notice", ordinal(p.timetable.designated_working_day), day_unit(p))};
       }},
      {"Signing period", [](const Policy& p) { return Lines{fmt::format("{} days", p.timetable.signing_period_days)}; }},
      {"Bank-holiday extension", extension},
      {"Cut-off day",
       [](const Policy& p) {
         return Lines{p.timetable.cut_off_working_days_before == 0
                          ? std::string("None")
                          : fmt::format("The {} {} before signing opens", ordinal(p.timetable.cut_off_working_days_before),
                                        day_unit(p))};
       }},
      {"Most signing places",
       [](const Policy& p) {
         return Lines{p.signing.maximum_signing_places == 0 ? std::string("No limit")
                                                            : std::to_string(p.signing.maximum_signing_places)};
       }},
      {"Running totals sealed", [](const Policy& p) { return Lines{yes_no(p.signing.running_totals_sealed)}; }},
      {"Online signing", [](const Policy& p) { return Lines{yes_no(p.signing.online_signing)}; }},
      {"Postal and proxy signing",
       [](const Policy& p) {
         return Lines{fmt::format("Postal: {}; proxy: {}", yes_no(p.signing.postal_signing), yes_no(p.signing.proxy_signing))};
       }},
      {"Sample verification", sample},
      {"Recall vote",
       [](const Policy& p) {
         if (!p.recall_vote) return Lines{"None"};
         Lines lines;
         if (p.recall_vote->yes_must_exceed_no) lines.emplace_back("More yes than no votes");
         if (p.recall_vote->yes_threshold) lines.push_back("Yes votes: " + threshold_words(*p.recall_vote->yes_threshold));
         if (lines.empty()) lines.emplace_back("A recall vote" + cite(p.recall_vote->citation));
         return lines;
       }},
      {"On success", [](const Policy& p) { return Lines{on_success_words(p.on_success)}; }},
  };

  nlohmann::json columns = nlohmann::json::array();
  for (const Policy& policy : policies.policies()) {
    columns.push_back({{"id", policy.id}, {"title", policy.title}, {"jurisdiction", policy.jurisdiction}});
  }
  nlohmann::json table_rows = nlohmann::json::array();
  for (const Row& row : rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (const Policy& policy : policies.policies()) cells.push_back({{"lines", row.cell(policy)}});
    table_rows.push_back({{"label", row.label}, {"cells", std::move(cells)}});
  }
  return {{"columns", std::move(columns)}, {"rows", std::move(table_rows)}};
}

}  // namespace recall::http
