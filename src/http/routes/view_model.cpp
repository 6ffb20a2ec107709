#include "http/routes/view_model.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/rules_json.hpp"
#include "http/routes/format.hpp"

namespace recall::http {

namespace {

nlohmann::json optional_date(const std::optional<Date>& date) {
  return date ? nlohmann::json(to_iso(*date)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json evaluation_json(const Evaluation& evaluation) {
  nlohmann::json out = to_json(evaluation);
  out["policy"] = evaluation.policy_id;
  out["policy_name"] = evaluation.policy_title;
  out["condition_met"] = evaluation.condition_met;
  out["reason"] = evaluation.reason;
  out["petition_opens"] = evaluation.petition_opens();
  out["pending"] = evaluation.pending;

  nlohmann::json display = nlohmann::json::object();
  if (evaluation.condition_met_on) display["condition_met_on"] = day_month_year(*evaluation.condition_met_on);
  if (evaluation.exclusion) display["exclusion"] = evaluation.exclusion->reason;
  if (evaluation.notice) {
    display["notice"] = day_month_year(*evaluation.notice) + (evaluation.notice_assumed ? " (assumed)" : "");
  }
  if (!evaluation.notice_assumption.empty() && evaluation.notice_assumed) {
    display["notice_assumption"] = evaluation.notice_assumption;
  }
  if (!evaluation.timetable_note.empty()) display["timetable_note"] = evaluation.timetable_note;
  if (!evaluation.threshold.rule.empty()) display["threshold_rule"] = evaluation.threshold.rule;
  if (evaluation.threshold.required && evaluation.threshold.base) {
    display["threshold_required"] = fmt::format("{} of {} ({})", with_thousands(*evaluation.threshold.required),
                                                with_thousands(*evaluation.threshold.base),
                                                evaluation.threshold.base_source);
  }
  if (evaluation.early_end) {
    display["early_end"] = fmt::format("{}: {}", day_month_year(evaluation.early_end->on), evaluation.early_end->reason);
  }
  if (evaluation.timetable) {
    const Timetable& timetable = *evaluation.timetable;
    nlohmann::json& json_timetable = out["timetable"];
    if (!json_timetable.is_object()) json_timetable = to_json(timetable);
    json_timetable["designated_day"] = to_iso(timetable.designated_day);
    json_timetable["signing_period_end"] = to_iso(timetable.signing_period_end);
    display["designated_day"] = day_month_year(timetable.designated_day);
    display["signing_period_end"] = day_month_year(timetable.signing_period_end);
    if (timetable.cut_off_day) display["cut_off_day"] = day_month_year(*timetable.cut_off_day);
    display["count_by"] = day_month_year(timetable.count_by);
    if (timetable.extended_for_bank_holidays && timetable.signing_period_end != timetable.unextended_end) {
      display["extension"] = fmt::format("Extended from {} for bank holidays when signing places shut",
                                         day_month_year(timetable.unextended_end));
    }
    nlohmann::json closures = nlohmann::json::array();
    for (const BankHoliday& closure : timetable.closures) {
      closures.push_back(fmt::format("{} ({})", day_month_year(closure.date), closure.name));
    }
    if (!closures.empty()) display["closures"] = std::move(closures);
  }
  out["has_timetable"] = evaluation.timetable.has_value();
  out["display"] = std::move(display);
  return out;
}

std::string party_name(const Parliament& parliament, std::string_view code) {
  if (const Party* party = parliament.party(code)) return party->name;
  return std::string(code);
}

nlohmann::json party_json(const Parliament& parliament, std::string_view code) {
  if (const Party* party = parliament.party(code)) {
    return {{"code", party->code}, {"name", party->name}, {"colour", party->colour}};
  }
  // A code missing from the party table still has to be shown; grey keeps it legible on the map.
  return {{"code", std::string(code)}, {"name", std::string(code)}, {"colour", "#b1b4b6"}};
}

nlohmann::json history_json(const Parliament& parliament, const Member& member) {
  nlohmann::json spells = nlohmann::json::array();
  for (std::size_t i = 0; i < member.history.size(); ++i) {
    const PartySpell& spell = member.history[i];
    const PartySpell* next = i + 1 < member.history.size() ? &member.history[i + 1] : nullptr;
    nlohmann::json json = {{"party", spell.party},
                           {"party_name", party_name(parliament, spell.party)},
                           {"from", optional_date(spell.from)},
                           {"to", optional_date(spell.to)}};
    if (spell.from_known_by) json["from_known_by"] = to_iso(*spell.from_known_by);
    if (!spell.note.empty()) json["note"] = spell.note;

    if (spell.from) {
      json["from_display"] = day_month_year(*spell.from);
    } else if (spell.from_known_by) {
      json["from_display"] = fmt::format("by {}, date not known", day_month_year(*spell.from_known_by));
    } else {
      json["from_display"] = "Date not known";
    }
    if (spell.to) {
      json["to_display"] = day_month_year(*spell.to);
    } else if (next != nullptr && next->from) {
      json["to_display"] = day_month_year(*next->from);
    } else if (next != nullptr && next->from_known_by) {
      // The change is known only from the party at dissolution, so this spell's end is as vague.
      json["to_display"] = fmt::format("by {}, date not known", day_month_year(*next->from_known_by));
    } else if (member.served_until) {
      json["to_display"] = day_month_year(*member.served_until);
    } else {
      json["to_display"] = "To date";
    }
    spells.push_back(std::move(json));
  }
  return spells;
}

nlohmann::json member_summary_json(const Parliament& parliament, const Member& member) {
  const Constituency* constituency = parliament.constituency(member.constituency);
  return {{"id", member.id},
          {"name", member.name},
          {"constituency", member.constituency},
          {"constituency_name", constituency ? constituency->name : member.constituency},
          {"parliament", member.parliament},
          {"elected_party", member.elected_party},
          {"elected_party_name", party_name(parliament, member.elected_party)},
          {"party", member.current_party()},
          {"party_name", party_name(parliament, member.current_party())},
          {"changed_party", member.changed_party()}};
}

std::string parliament_label(const ParliamentCalendar& calendar, int year) {
  if (const ParliamentDates* dates = calendar.find(year); dates && dates->dissolved_on) {
    return fmt::format("{} to {} Parliament", year, year_of(*dates->dissolved_on));
  }
  return fmt::format("{} Parliament", year);
}

nlohmann::json member_detail_json(const Site& site, const Member& member) {
  nlohmann::json out = member_summary_json(site.parliament, member);
  out["elected_on"] = to_iso(member.elected_on);
  out["elected_on_display"] = day_month_year(member.elected_on);
  out["served_until"] = optional_date(member.served_until);
  if (member.served_until) out["served_until_display"] = day_month_year(*member.served_until);
  out["parliament_label"] = parliament_label(site.calendar, member.parliament);
  out["sits_as_label"] = member.served_until ? "Sat as at the end" : "Sits as";
  out["history"] = history_json(site.parliament, member);

  nlohmann::json recall = nlohmann::json::array();
  for (const Evaluation& evaluation : evaluate_member(site.policies, site.parliament, site.calendar, member)) {
    recall.push_back(evaluation_json(evaluation));
  }
  out["recall"] = std::move(recall);
  return out;
}

std::optional<int> parliament_param(const Parliament& parliament, const Request& request) {
  const std::optional<std::string> text = request.query.get("parliament");
  if (!text || text->empty()) return std::nullopt;
  int year = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, year);
  const std::vector<int> years = parliament.parliaments();
  if (ec != std::errc{} || ptr != end || std::find(years.begin(), years.end(), year) == years.end()) {
    std::string known;
    for (int y : years) known += (known.empty() ? "" : " or ") + std::to_string(y);
    throw Error(ErrorKind::invalid_input,
                fmt::format("parliament must be the year of a Parliament's general election ({}), not '{}'", known,
                            *text),
                query_field("parliament"));
  }
  return year;
}

Response json_response(const nlohmann::json& body, int status) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

SourceLocation query_field(std::string field) {
  SourceLocation where;
  where.file = "query";
  where.field = std::move(field);
  return where;
}

}  // namespace recall::http
