#include "core/rules/rules_json.hpp"

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/json_fields.hpp"

namespace recall {

using nlohmann::json;
using rules_json_detail::JsonFields;

namespace {

json iso(const std::optional<Date>& date) { return date ? json(to_iso(*date)) : json(nullptr); }

json span_json(const Span& span) {
  return json{{"count", span.count}, {"unit", to_string(span.unit)}, {"text", describe(span)}};
}

json threshold_json(const Threshold& t) {
  return json{{"percent", format_percent(t.percent)}, {"comparison", to_string(t.comparison)},
              {"base", to_string(t.base)}, {"citation", t.citation}, {"rule", describe_rule(t)}};
}

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

Span span_from_json(const JsonFields& fields, std::string_view key) {
  const auto& value = fields.value(key);
  if (value.is_string()) {
    return fields.parsed(key, [](const std::string& text) {
      const auto space = text.find(' ');
      if (space == std::string::npos) throw_invalid(fmt::format("'{}' is not a length such as '3 months'", text));
      std::size_t used = 0;
      long count = 0;
      try {
        count = std::stol(text.substr(0, space), &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != space) throw_invalid(fmt::format("'{}' is not a length such as '3 months'", text));
      return Span{count, parse_span_unit(text.substr(space + 1))};
    });
  }
  const auto object = fields.object(key);
  object.only({"count", "unit", "text"});
  Span out;
  out.count = object.integer("count");
  out.unit = object.parsed("unit", [](const std::string& text) { return parse_span_unit(text); });
  return out;
}

Span positive_span(const JsonFields& fields, std::string_view key) {
  const auto span = span_from_json(fields, key);
  if (span.count <= 0) fields.fail(key, fmt::format("'{}' must be a positive length", fields.path_of(key)));
  return span;
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

json to_json(const Event& event) {
  struct Visitor {
    json operator()(const CustodialSentence& e) const {
      return {{"convicted_on", to_iso(e.convicted_on)}, {"sentenced_on", iso(e.sentenced_on)},
              {"sentence", span_json(e.sentence)},       {"suspended", e.suspended},
              {"remand_only", e.remand_only},            {"hospital_order_only", e.hospital_order_only},
              {"appeal_period_end", iso(e.appeal_period_end)}, {"overturned_on_appeal", e.overturned_on_appeal}};
    }
    json operator()(const Suspension& e) const {
      return {{"ordered_on", to_iso(e.ordered_on)},
              {"starts_on", iso(e.starts_on)},
              {"length", span_json(e.length)},
              {"following_committee_report", e.following_committee_report}};
    }
    json operator()(const AllowanceConviction& e) const {
      return {{"convicted_on", to_iso(e.convicted_on)},
              {"sentenced_on", iso(e.sentenced_on)},
              {"appeal_period_end", iso(e.appeal_period_end)},
              {"overturned_on_appeal", e.overturned_on_appeal}};
    }
    json operator()(const PartyChange& e) const {
      return {{"on", iso(e.on)},           {"known_by", iso(e.known_by)}, {"from_party", e.from_party},
              {"to_party", e.to_party},    {"change", to_string(e.kind)}, {"note", e.note}};
    }
    json operator()(const VoterApplication& e) const { return {{"applied_on", to_iso(e.applied_on)}}; }
  };
  json out = std::visit(Visitor{}, event.detail);
  out["kind"] = to_string(event.kind());
  return out;
}

json to_json(const Timetable& t) {
  json closures = json::array();
  for (const auto& day : t.closures) closures.push_back({{"date", to_iso(day.date)}, {"name", day.name}});
  return json{{"notice", iso(t.notice)},
              {"requirement_notice_by", iso(t.requirement_notice_by)},
              {"cut_off_day", iso(t.cut_off_day)},
              {"designated_day", to_iso(t.designated_day)},
              {"signing_period_end", to_iso(t.signing_period_end)},
              {"unextended_end", to_iso(t.unextended_end)},
              {"extended_for_bank_holidays", t.extended_for_bank_holidays},
              {"closures", closures},
              {"count_by", to_iso(t.count_by)}};
}

json to_json(const ParliamentDates& d) {
  return json{{"parliament", d.parliament},
              {"general_election", to_iso(d.general_election)},
              {"first_met", iso(d.first_met)},
              {"last_possible_election", to_iso(d.last_possible_election)},
              {"last_possible_source", d.last_possible_source},
              {"dissolved_on", iso(d.dissolved_on)},
              {"dissolved_source", d.dissolved_source}};
}

json to_json(const Evaluation& e) {
  json out{{"policy", e.policy_id},
           {"policy_title", e.policy_title},
           {"event", e.event ? to_json(*e.event) : json(nullptr)},
           {"condition_met", e.condition_met},
           {"pending", e.pending},
           {"condition", e.condition ? json(to_string(*e.condition)) : json(nullptr)},
           {"citation", e.citation},
           {"reason", e.reason},
           {"condition_met_on", iso(e.condition_met_on)},
           {"notice", iso(e.notice)},
           {"notice_assumed", e.notice_assumed},
           {"notice_assumption", e.notice_assumption},
           {"timetable", e.timetable ? to_json(*e.timetable) : json(nullptr)},
           {"timetable_note", e.timetable_note},
           {"petition_opens", e.petition_opens()}};
  out["exclusion"] = e.exclusion ? json{{"kind", to_string(e.exclusion->kind)},
                                        {"citation", e.exclusion->citation},
                                        {"reason", e.exclusion->reason}}
                                 : json(nullptr);
  json threshold = threshold_json(e.threshold.threshold);
  threshold["rule"] = e.threshold.rule;
  threshold["base_value"] = e.threshold.base ? json(*e.threshold.base) : json(nullptr);
  threshold["base_source"] = e.threshold.base_source;
  threshold["required"] = e.threshold.required ? json(*e.threshold.required) : json(nullptr);
  out["threshold"] = threshold;
  out["early_end"] = e.early_end ? json{{"on", to_iso(e.early_end->on)},
                                        {"citation", e.early_end->citation},
                                        {"reason", e.early_end->reason}}
                                 : json(nullptr);
  return out;
}

Event event_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "");
  const auto kind = f.parsed("kind", [](const std::string& text) { return parse_condition_kind(text); });
  switch (kind) {
    case ConditionKind::custodial_sentence: {
      f.only({"kind", "convicted_on", "sentenced_on", "sentence", "suspended", "remand_only", "hospital_order_only",
              "appeal_period_end", "overturned_on_appeal"});
      CustodialSentence e;
      e.convicted_on = f.date("convicted_on");
      e.sentenced_on = f.optional_date("sentenced_on");
      if (f.present("sentence")) e.sentence = positive_span(f, "sentence");
      e.suspended = f.boolean_or("suspended", false);
      e.remand_only = f.boolean_or("remand_only", false);
      e.hospital_order_only = f.boolean_or("hospital_order_only", false);
      e.appeal_period_end = f.optional_date("appeal_period_end");
      e.overturned_on_appeal = f.boolean_or("overturned_on_appeal", false);
      if (e.sentenced_on && *e.sentenced_on < e.convicted_on) f.fail("sentenced_on", "sentencing cannot come before conviction");
      if (e.appeal_period_end && *e.appeal_period_end < e.convicted_on) {
        f.fail("appeal_period_end", "the appeal period cannot end before the conviction");
      }
      return Event{e};
    }
    case ConditionKind::suspension: {
      f.only({"kind", "ordered_on", "starts_on", "length", "following_committee_report"});
      Suspension e;
      e.ordered_on = f.date("ordered_on");
      e.starts_on = f.optional_date("starts_on");
      e.length = positive_span(f, "length");
      e.following_committee_report = f.boolean_or("following_committee_report", true);
      return Event{e};
    }
    case ConditionKind::allowance_conviction: {
      f.only({"kind", "convicted_on", "sentenced_on", "appeal_period_end", "overturned_on_appeal"});
      AllowanceConviction e;
      e.convicted_on = f.date("convicted_on");
      e.sentenced_on = f.optional_date("sentenced_on");
      e.appeal_period_end = f.optional_date("appeal_period_end");
      e.overturned_on_appeal = f.boolean_or("overturned_on_appeal", false);
      if (e.appeal_period_end && *e.appeal_period_end < e.convicted_on) {
        f.fail("appeal_period_end", "the appeal period cannot end before the conviction");
      }
      return Event{e};
    }
    case ConditionKind::party_change: {
      f.only({"kind", "on", "known_by", "from_party", "to_party", "change", "note"});
      PartyChange e;
      e.on = f.optional_date("on");
      e.known_by = f.optional_date("known_by");
      if (!e.on && !e.known_by) f.fail("on", "a party change needs 'on' (its date) or 'known_by'");
      e.from_party = f.text("from_party");
      e.to_party = f.text("to_party");
      if (e.from_party == e.to_party) f.fail("to_party", "'to_party' must differ from 'from_party'");
      e.kind = f.present("change") ? f.parsed("change", [](const std::string& t) { return parse_party_change_kind(t); })
                                   : (e.to_party == "ind" ? PartyChangeKind::left_party : PartyChangeKind::joined_another);
      e.note = f.text_or("note", "");
      return Event{e};
    }
    case ConditionKind::voter_application: {
      f.only({"kind", "applied_on"});
      return Event{VoterApplication{f.date("applied_on")}};
    }
  }
  f.fail("kind", "unknown event kind");
}

Member member_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "member");
  f.only({"id", "name", "constituency", "parliament", "elected_on", "served_until", "elected_party", "history"});
  Member m;
  m.id = f.text("id");
  m.name = f.text("name");
  m.constituency = f.text("constituency");
  m.parliament = static_cast<int>(f.integer("parliament"));
  m.elected_on = f.date("elected_on");
  m.served_until = f.optional_date("served_until");
  m.elected_party = f.text("elected_party");
  if (f.present("history")) {
    const auto& list = f.value("history");
    if (!list.is_array()) f.fail("history", "'member.history' must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const JsonFields s(list[i], std::string(source), fmt::format("member.history[{}]", i));
      s.only({"party", "from", "to", "from_known_by", "note"});
      PartySpell spell;
      spell.party = s.text("party");
      spell.from = s.optional_date("from");
      spell.to = s.optional_date("to");
      spell.from_known_by = s.optional_date("from_known_by");
      spell.note = s.text_or("note", "");
      m.history.push_back(std::move(spell));
    }
  }
  if (m.history.empty()) {
    PartySpell only;
    only.party = m.elected_party;
    only.from = m.elected_on;
    m.history.push_back(std::move(only));
  }
  if (m.history.front().party != m.elected_party) {
    f.fail("history", "the first spell of 'member.history' must be the party elected for");
  }
  return m;
}

Constituency constituency_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "constituency");
  f.only({"ons_code", "name", "nation", "region", "county", "results"});
  Constituency c;
  c.ons_code = f.text("ons_code");
  c.name = f.text("name");
  c.nation = f.parsed("nation", [](const std::string& t) { return parse_nation(t); });
  c.region = f.text_or("region", "");
  c.county = f.text_or("county", "");
  if (f.present("results")) {
    const auto& list = f.value("results");
    if (!list.is_array()) f.fail("results", "'constituency.results' must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const JsonFields r(list[i], std::string(source), fmt::format("constituency.results[{}]", i));
      r.only({"year", "held_on", "electorate", "valid_votes", "result", "first_party"});
      ElectionResult result;
      result.year = static_cast<int>(r.integer("year"));
      result.held_on = r.date("held_on");
      result.electorate = r.integer("electorate");
      result.valid_votes = r.optional_integer("valid_votes").value_or(0);
      result.result = r.text_or("result", "");
      result.first_party = r.text_or("first_party", "");
      c.results.push_back(std::move(result));
    }
  }
  return c;
}

namespace {

ParliamentDates parliament_from_json(const JsonFields& f) {
  f.only({"parliament", "general_election", "first_met", "last_possible_election", "last_possible_source",
          "dissolved_on", "dissolved_source"});
  ParliamentDates d;
  d.parliament = static_cast<int>(f.integer("parliament"));
  d.general_election = f.date("general_election");
  d.first_met = f.optional_date("first_met");
  d.last_possible_election = f.date("last_possible_election");
  d.last_possible_source = f.text_or("last_possible_source", "");
  d.dissolved_on = f.optional_date("dissolved_on");
  d.dissolved_source = f.text_or("dissolved_source", "");
  return d;
}

}  // namespace

Context context_from_json(const json& input, std::string_view source) {
  const JsonFields f(input, std::string(source), "");
  f.only({"member", "constituency", "parliament", "petition_under_way", "seat_vacant", "speaker_notice", "base_count",
          "as_of", "overrides", "party_names"});
  Context c;
  c.member = member_from_json(f.value("member"), source);
  c.constituency = constituency_from_json(f.value("constituency"), source);
  if (c.member.constituency != c.constituency.ons_code) {
    f.fail("member", fmt::format("the member's constituency {} is not the constituency given ({})",
                                 c.member.constituency, c.constituency.ons_code));
  }
  c.parliament = parliament_from_json(f.object("parliament"));
  c.petition_under_way = f.boolean_or("petition_under_way", false);
  c.seat_vacant = f.boolean_or("seat_vacant", false);
  c.speaker_notice = f.optional_date("speaker_notice");
  c.base_count = f.optional_integer("base_count");
  if (c.base_count && *c.base_count < 0) f.fail("base_count", "'base_count' cannot be negative");
  c.as_of = f.optional_date("as_of");
  if (f.present("overrides")) {
    const auto o = f.object("overrides");
    o.only({"designated_day", "extend_for_bank_holidays"});
    c.overrides.designated_day = o.optional_date("designated_day");
    if (o.present("extend_for_bank_holidays")) c.overrides.extend_for_bank_holidays = o.boolean_or("extend_for_bank_holidays", true);
  }
  if (f.present("party_names")) {
    const auto& names = f.value("party_names");
    if (!names.is_object()) f.fail("party_names", "'party_names' must map party codes to names");
    for (const auto& [code, name] : names.items()) {
      if (!name.is_string()) f.fail("party_names", fmt::format("the name of party '{}' must be text", code));
      c.party_names[code] = name.get<std::string>();
    }
  }
  return c;
}

}  // namespace recall
