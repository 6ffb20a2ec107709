// recall petition open | list | show | terminate | count | notify-speaker | declare | result
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/petition/petition_json.hpp"
#include "cli/petition/petition_subcommands.hpp"
#include "core/base/error.hpp"

namespace recall::cli {

namespace {

struct OpenArgs {
  std::string constituency;
  std::string policy = "uk-2015";
  std::string condition;
  std::string detail;
  std::string notice;
  std::string designated_day;
  std::string extend;  // "", "yes", "no"
  std::string reason;
  std::string member;
};

struct TerminateArgs {
  std::int64_t id = 0;
  std::string reason;
  std::string detail;
  std::string on;
};

[[noreturn]] void bad_argument(std::string_view field, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message),
              SourceLocation{"arguments", 0, 0, std::string(field)});
}

OpenPetitionRequest open_request(const OpenArgs& args) {
  OpenPetitionRequest request;
  request.ons_code = args.constituency;
  request.policy_id = args.policy;
  request.condition = args.condition;
  request.condition_detail = args.detail;
  request.notice = parse_iso_date(args.notice, "--notice");
  if (!args.designated_day.empty())
    request.overrides.designated_day = parse_iso_date(args.designated_day, "--designated-day");
  if (args.extend == "yes") {
    request.overrides.extend_for_bank_holidays = true;
  } else if (args.extend == "no") {
    request.overrides.extend_for_bank_holidays = false;
  } else if (!args.extend.empty()) {
    bad_argument("--extend-bank-holidays", "answer yes or no");
  }
  request.override_reason = args.reason;
  if (!args.member.empty()) request.member_id = args.member;
  return request;
}

void print_result(const Declaration& result, const std::string& heading) {
  std::cout << heading << '\n'
            << fmt::format("  Eligible registered electors  {}\n", result.eligible)
            << fmt::format("  Valid signatures              {}\n", result.valid_signatures)
            << fmt::format("  Percentage                    {}%\n",
                           format_percent_tenths(result.percent_tenths))
            << fmt::format("  Signatures required           {}\n", result.required)
            << fmt::format("  Rejected sheets               {}\n", result.rejected);
  for (const auto& [reason, count] : result.rejected_by_reason) {
    std::cout << fmt::format("    {:<36}{}\n", describe(reason), count);
  }
  std::cout << (result.successful ? "  The petition was successful.\n"
                                  : "  The petition was not successful.\n");
}

void open(const CommandContext& context, const PetitionOptions& options, const OpenArgs& args) {
  const OpenPetitionRequest request = open_request(args);
  auto world = open_petition_world(context, options);
  const Petition petition = world->service->open_petition(world->officer, request);
  if (options.json) return print_json(to_json(petition, phase_of(petition, world->service->now_local())));
  std::cout << fmt::format("Opened petition {} for {} ({}).\n", petition.id, petition.constituency_name,
                           petition.mp_name)
            << fmt::format("Signing from {} to {}.\n", to_long_form(petition.timetable.designated_day),
                           to_long_form(petition.timetable.signing_period_end));
}

void list(const CommandContext& context, const PetitionOptions& options) {
  auto world = open_petition_world(context, options);
  const auto petitions = world->service->public_petitions();
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& view : petitions) out.push_back(to_json(view));
    return print_json(out);
  }
  if (petitions.empty()) std::cout << "no petitions\n";
  for (const auto& view : petitions) {
    std::cout << fmt::format("{:>4}  {:<32}  {:<20}  {:<16}  {} to {}\n", view.petition.id,
                             view.petition.constituency_name, view.petition.mp_name, to_string(view.phase),
                             to_iso(view.petition.timetable.designated_day),
                             to_iso(last_signing_day(view.petition)));
  }
}

void show(const CommandContext& context, const PetitionOptions& options, std::int64_t id) {
  auto world = open_petition_world(context, options);
  const Petition petition = world->service->petition_for_staff(world->officer, id);
  const auto view = world->service->public_petition(id);
  nlohmann::ordered_json out = to_json(petition, view->phase);
  out["signatures_required"] = view->signatures_required;
  out["eligible_at_requirement"] = view->eligible_at_requirement;
  if (options.json) return print_json(out);
  const Timetable& t = petition.timetable;
  std::cout << fmt::format("Petition {}: {} ({}), {}\n", petition.id, petition.constituency_name,
                           petition.mp_name, to_string(view->phase))
            << fmt::format("  Policy {}; condition {}: {}\n", petition.policy_id, petition.condition,
                           petition.condition_detail)
            << fmt::format("  Speaker's notice     {}\n", to_long_form(petition.notice));
  if (t.cut_off_day) std::cout << fmt::format("  Cut-off day          {}\n", to_long_form(*t.cut_off_day));
  std::cout << fmt::format("  Signing opens        {}\n", to_long_form(t.designated_day))
            << fmt::format("  Last day of signing  {}\n", to_long_form(last_signing_day(petition)))
            << fmt::format("  Signatures required  {} (of {} eligible when the requirement was set)\n",
                           view->signatures_required, view->eligible_at_requirement)
            << fmt::format("  Signing places       {}\n", view->places.size());
  if (petition.termination) {
    std::cout << fmt::format("  Ended early on {} ({}): {}\n", to_iso(petition.termination->on),
                             to_string(petition.termination->reason), petition.termination->detail);
  }
  if (petition.count)
    print_result(*petition.count,
                 petition.declared_at ? "Declared result:" : "Sealed count (not yet declared):");
}

void terminate(const CommandContext& context, const PetitionOptions& options, const TerminateArgs& args) {
  const auto reason = parse_termination_reason(args.reason);
  if (!reason) bad_argument("--reason", "one of dissolution, seat-vacated, overturned-on-appeal");
  const Termination termination{parse_iso_date(args.on, "--on"), *reason, args.detail};
  auto world = open_petition_world(context, options);
  world->service->terminate(world->officer, args.id, termination);
  std::cout << fmt::format("Petition {} ended on {}: {}.\n", args.id, to_iso(termination.on),
                           to_string(*reason));
}

void count(const CommandContext& context, const PetitionOptions& options, std::int64_t id) {
  auto world = open_petition_world(context, options);
  const Declaration result = world->service->run_count(world->officer, id);
  if (options.json) return print_json(to_json(result));
  print_result(result, fmt::format("Count of petition {} (sealed until the declaration):", id));
}

void notify_speaker(const CommandContext& context, const PetitionOptions& options, std::int64_t id) {
  auto world = open_petition_world(context, options);
  world->service->record_speaker_notified(world->officer, id);
  std::cout << fmt::format("Recorded that the Speaker was notified of the result of petition {}.\n", id);
}

void declare(const CommandContext& context, const PetitionOptions& options, std::int64_t id) {
  auto world = open_petition_world(context, options);
  const Declaration result = world->service->declare(world->officer, id);
  if (options.json) return print_json(to_json(result));
  print_result(result, fmt::format("Public notice of the result of petition {}:", id));
  if (result.successful) std::cout << "The seat is vacant; a by-election follows.\n";
}

void result(const CommandContext& context, const PetitionOptions& options, std::int64_t id) {
  auto world = open_petition_world(context, options);
  const auto declared = world->service->declared_result(id);
  if (!declared) throw Error(ErrorKind::not_found, fmt::format("petition {} has no public result yet", id));
  if (options.json) return print_json(to_json(*declared));
  print_result(*declared, fmt::format("Result of petition {}:", id));
}

// A subcommand taking the petition id as its one positional argument.
CLI::App* with_id(CLI::App& parent, const std::string& name, const std::string& help,
                  const std::shared_ptr<std::int64_t>& id) {
  auto* command = parent.add_subcommand(name, help);
  command->add_option("ID", *id, "the petition's number")->required();
  return command;
}

}  // namespace

void add_petition_lifecycle_commands(CLI::App& petition, CommandContext& context,
                                     const SharedOptions& options) {
  auto args = std::make_shared<OpenArgs>();
  auto* open_cmd = petition.add_subcommand(
      "open", "Open a petition from the Speaker's notice (issues standing postal sheets)");
  open_cmd->add_option("--constituency", args->constituency, "ONS code, e.g. E14000878")->required();
  open_cmd->add_option("--policy", args->policy, "policy id (see policies/)")->capture_default_str();
  open_cmd
      ->add_option("--condition", args->condition,
                   "custodial-sentence, suspension, allowance-conviction, ...")
      ->required();
  open_cmd->add_option("--detail", args->detail, "the condition in words, for the notices")->required();
  open_cmd->add_option("--notice", args->notice, "day of the Speaker's notice, YYYY-MM-DD")->required();
  open_cmd->add_option("--designated-day", args->designated_day,
                       "an earlier designated day than the statutory one");
  open_cmd->add_option("--extend-bank-holidays", args->extend,
                       "yes or no: override the policy's bank-holiday extension");
  open_cmd->add_option("--reason", args->reason,
                       "why the timetable differs from the policy (required with an override)");
  open_cmd->add_option("--member", args->member,
                       "member id (default: the constituency's MP on the notice day)");
  open_cmd->add_flag("--json", options->json, "print JSON");
  open_cmd->callback([&context, options, args] { open(context, *options, *args); });

  auto* list_cmd = petition.add_subcommand("list", "List petitions (no counts before the declaration)");
  list_cmd->add_flag("--json", options->json, "print JSON");
  list_cmd->callback([&context, options] { list(context, *options); });

  auto id = std::make_shared<std::int64_t>(0);
  auto* show_cmd =
      with_id(petition, "show", "The petition, its timetable and, to the officer, the sealed count", id);
  show_cmd->add_flag("--json", options->json, "print JSON");
  show_cmd->callback([&context, options, id] { show(context, *options, *id); });

  auto t = std::make_shared<TerminateArgs>();
  auto* terminate_cmd = petition.add_subcommand("terminate", "End signing early under s.13");
  terminate_cmd->add_option("ID", t->id, "the petition's number")->required();
  terminate_cmd->add_option("--reason", t->reason, "dissolution, seat-vacated or overturned-on-appeal")
      ->required();
  terminate_cmd->add_option("--detail", t->detail, "what happened, for the notice")->required();
  terminate_cmd->add_option("--on", t->on, "the last day of signing, YYYY-MM-DD")->required();
  terminate_cmd->callback([&context, options, t] { terminate(context, *options, *t); });

  auto* count_cmd =
      with_id(petition, "count", "Count the sheets after the close (the result stays sealed)", id);
  count_cmd->add_flag("--json", options->json, "print JSON");
  count_cmd->callback([&context, options, id] { count(context, *options, *id); });

  auto* notify_cmd =
      with_id(petition, "notify-speaker", "Record that the Speaker has been told the result", id);
  notify_cmd->callback([&context, options, id] { notify_speaker(context, *options, *id); });

  auto* declare_cmd =
      with_id(petition, "declare", "Give public notice of the result (opens the by-election on success)", id);
  declare_cmd->add_flag("--json", options->json, "print JSON");
  declare_cmd->callback([&context, options, id] { declare(context, *options, *id); });

  auto* result_cmd = with_id(petition, "result", "The declared result (nothing before the declaration)", id);
  result_cmd->add_flag("--json", options->json, "print JSON");
  result_cmd->callback([&context, options, id] { result(context, *options, *id); });
}

}  // namespace recall::cli
