// recall rules list | recall rules check: evaluate an event for an MP under a policy.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/evaluate.hpp"
#include "core/rules/policy_set.hpp"
#include "core/rules/rules_json.hpp"

namespace recall::cli {

namespace {

struct CheckOptions {
  std::string policy;
  std::string constituency;
  std::string mp;          // a member id, when the date alone does not say which MP
  std::string event;
  std::string date;
  std::string length;      // "30 sitting-days" (suspension) or "3 months" (sentence)
  std::string appeal_period_end;
  std::string from_party;
  std::string to_party;
  std::string change;      // left-party | resigned-whip | joined-another
  bool suspended = false;
  bool remand_only = false;
  bool hospital_order_only = false;
  bool overturned = false;
  bool petition_under_way = false;
  bool seat_vacant = false;
  bool json = false;
};

// The MP who sat for the constituency on `date` (by-elections mean there can be more than one per Parliament).
const Member& member_on(const Parliament& parliament, const std::string& ons_code, Date date) {
  const Member* found = nullptr;
  for (const Member* member : parliament.members_for(ons_code)) {
    if (member->elected_on <= date && (!member->served_until || date <= *member->served_until)) found = member;
  }
  if (found == nullptr) {
    throw_not_found(fmt::format("no MP sat for {} on {} in the loaded Parliaments", ons_code, to_iso(date)));
  }
  return *found;
}

nlohmann::json event_json(const CheckOptions& o) {
  nlohmann::json event{{"kind", o.event}};
  const auto set_if = [&event](const char* key, const std::string& value) {
    if (!value.empty()) event[key] = value;
  };
  if (o.event == "custodial-sentence") {
    event["convicted_on"] = o.date;
    set_if("sentence", o.length);
    set_if("appeal_period_end", o.appeal_period_end);
    event["suspended"] = o.suspended;
    event["remand_only"] = o.remand_only;
    event["hospital_order_only"] = o.hospital_order_only;
    event["overturned_on_appeal"] = o.overturned;
  } else if (o.event == "suspension") {
    event["ordered_on"] = o.date;
    if (o.length.empty()) throw_invalid("a suspension needs --length, e.g. --length '10 sitting-days'");
    event["length"] = o.length;
  } else if (o.event == "allowance-conviction") {
    event["convicted_on"] = o.date;
    set_if("appeal_period_end", o.appeal_period_end);
    event["overturned_on_appeal"] = o.overturned;
  } else if (o.event == "party-change") {
    event["on"] = o.date;
    event["from_party"] = o.from_party;
    event["to_party"] = o.to_party;
    set_if("change", o.change);
  } else if (o.event == "voter-application") {
    event["applied_on"] = o.date;
  }
  return event;
}

void print_text(const Evaluation& e) {
  std::cout << fmt::format("{} ({})\n", e.policy_title, e.policy_id);
  std::cout << fmt::format("  Condition met: {}{}\n", e.condition_met ? "yes" : "no", e.pending ? " (pending)" : "");
  std::cout << fmt::format("  {}\n", e.reason);
  if (e.exclusion) std::cout << fmt::format("  No notice: {}\n", e.exclusion->reason);
  if (e.notice) {
    std::cout << fmt::format("  Speaker's notice: {}{}\n", to_long_form(*e.notice), e.notice_assumed ? " (assumed)" : "");
  }
  if (e.timetable) {
    std::cout << fmt::format("  Signing: {} to {}\n", to_long_form(e.timetable->designated_day),
                             to_long_form(e.timetable->signing_period_end));
  } else if (!e.timetable_note.empty()) {
    std::cout << fmt::format("  {}\n", e.timetable_note);
  }
  if (e.early_end) std::cout << fmt::format("  {}\n", e.early_end->reason);
  std::cout << fmt::format("  Threshold: {}{}\n", e.threshold.rule,
                           e.threshold.required ? fmt::format(" ({} signatures)", *e.threshold.required) : "");
}

void check(const CommandContext& context, const CheckOptions& o) {
  const Resources resources = find_resources(context.home);
  const PolicySet policies = PolicySet::load_directory(resources.policies_dir());
  const Policy& policy = policies.get(o.policy);
  const ParliamentCalendar calendar = ParliamentCalendar::load(resources.data_dir() / "parliaments.yaml");
  const Parliament parliament(read_reference_files(resources));
  if (parliament.constituency(o.constituency) == nullptr) {
    throw_not_found(fmt::format("no constituency with ONS code '{}'", o.constituency));
  }
  const Date date = parse_iso_date(o.date, "--date");
  const Member* member = nullptr;
  if (!o.mp.empty()) {
    member = parliament.member(o.mp);
    if (member == nullptr) throw_not_found(fmt::format("no MP with id '{}'", o.mp));
  } else {
    member = &member_on(parliament, o.constituency, date);
  }

  Evaluation evaluation;
  if (o.event == "party-change" && o.from_party.empty() && o.to_party.empty()) {
    evaluation = evaluate_party_change(policy, parliament, calendar, *member, date);
  } else {
    Context ctx = member_context(parliament, calendar, *member);
    ctx.petition_under_way = o.petition_under_way;
    ctx.seat_vacant = o.seat_vacant;
    evaluation = evaluate(policy, event_from_json(event_json(o), "command line"), ctx);
  }
  if (o.json) {
    nlohmann::json out = to_json(evaluation);
    out["mp"] = {{"id", member->id}, {"name", member->name}};
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << fmt::format("{} ({})\n", member->name, member->id);
    print_text(evaluation);
  }
}

void list(const CommandContext& context, bool json) {
  const Resources resources = find_resources(context.home);
  const PolicySet policies = PolicySet::load_directory(resources.policies_dir());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& policy : policies.policies()) out.push_back(to_json(policy));
    std::cout << out.dump(2) << '\n';
    return;
  }
  for (const auto& policy : policies.policies()) {
    std::cout << fmt::format("{:<22} {} ({}, in force {})\n", policy.id, policy.title, policy.jurisdiction,
                             to_iso(policy.in_force));
  }
}

}  // namespace

void add_rules_commands(CLI::App& app, CommandContext& context) {
  auto* rules = app.add_subcommand("rules", "Recall policies and the rules engine");
  rules->require_subcommand(1);

  auto list_json = std::make_shared<bool>(false);
  auto* list_command = rules->add_subcommand("list", "List the policies");
  list_command->add_flag("--json", *list_json, "print every policy's parameters as JSON");
  list_command->callback([&context, list_json] { list(context, *list_json); });

  auto o = std::make_shared<CheckOptions>();
  auto* c = rules->add_subcommand("check", "Does an event meet a recall condition for an MP under a policy?");
  c->add_option("--policy", o->policy, "policy id")->required();
  c->add_option("--constituency", o->constituency, "ONS code of the MP's constituency")->required();
  c->add_option("--mp", o->mp, "member id (default: whoever sat for the constituency on --date)");
  c->add_option("--event", o->event, "the event")
      ->required()
      ->check(CLI::IsMember(
          {"custodial-sentence", "suspension", "allowance-conviction", "party-change", "voter-application"}));
  c->add_option("--date", o->date, "when: conviction, House's order, party change or application (YYYY-MM-DD)")
      ->required();
  c->add_option("--length", o->length, "suspension or sentence length: '10 sitting-days', '14 days', '3 months'");
  c->add_option("--appeal-period-end", o->appeal_period_end, "when the appeal period ended (YYYY-MM-DD)");
  c->add_option("--from", o->from_party, "party change: from party code (default: the MP's recorded change)");
  c->add_option("--to", o->to_party, "party change: to party code");
  c->add_option("--change", o->change, "party change kind")
      ->check(CLI::IsMember({"left-party", "resigned-whip", "joined-another"}));
  c->add_flag("--suspended", o->suspended, "custodial sentence: the sentence was suspended");
  c->add_flag("--remand-only", o->remand_only, "custodial sentence: remanded in custody only");
  c->add_flag("--hospital-order-only", o->hospital_order_only, "custodial sentence: detained under mental health law only");
  c->add_flag("--overturned", o->overturned, "the conviction or sentence was overturned on appeal");
  c->add_flag("--petition-under-way", o->petition_under_way, "a recall petition is already under way");
  c->add_flag("--seat-vacant", o->seat_vacant, "the seat is vacant");
  c->add_flag("--json", o->json, "print JSON");
  c->callback([&context, o] { check(context, *o); });
}

}  // namespace recall::cli
