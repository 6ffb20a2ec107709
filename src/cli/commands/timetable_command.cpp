// recall timetable --policy ID --constituency ONS (--notice DATE | --designated DATE) [--json]
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "core/base/error.hpp"
#include "core/parliament/parliament.hpp"
#include "core/rules/policy_set.hpp"
#include "core/rules/rules_json.hpp"
#include "core/timetable/timetable.hpp"

namespace recall::cli {

namespace {

struct TimetableOptions {
  std::string policy = "uk-2015";
  std::string constituency;
  std::string notice;
  std::string designated;
  std::string extend;  // "", "yes", "no": the officer's override of the bank-holiday setting
  bool json = false;
};

void print_text(const Timetable& t, const Constituency& constituency, const Policy& policy) {
  std::cout << fmt::format("{} under {} ({})\n", constituency.name, policy.id, policy.title);
  if (t.notice) std::cout << fmt::format("  Speaker's notice            {}\n", to_long_form(*t.notice));
  if (t.requirement_notice_by) {
    std::cout << fmt::format("  Signature requirement by    {}\n", to_long_form(*t.requirement_notice_by));
  }
  if (t.cut_off_day) std::cout << fmt::format("  Cut-off day                 {}\n", to_long_form(*t.cut_off_day));
  std::cout << fmt::format("  Designated day (opens)      {}\n", to_long_form(t.designated_day));
  std::cout << fmt::format("  Signing period ends         {}{}\n", to_long_form(t.signing_period_end),
                           t.extended_for_bank_holidays ? " (extended for bank holidays)" : "");
  for (const auto& closure : t.closures) {
    std::cout << fmt::format("    closed {}: {}\n", to_long_form(closure.date), closure.name);
  }
  std::cout << fmt::format("  Count to start by           {}\n", to_long_form(t.count_by));
}

void run(const CommandContext& context, const TimetableOptions& options) {
  if (options.notice.empty() == options.designated.empty()) {
    throw_invalid("give exactly one of --notice and --designated");
  }
  const Resources resources = find_resources(context.home);
  const PolicySet policies = PolicySet::load_directory(resources.policies_dir());
  const Policy& policy = policies.get(options.policy);
  const Parliament parliament(read_reference_files(resources));
  const Constituency* constituency = parliament.constituency(options.constituency);
  if (constituency == nullptr) throw_not_found(fmt::format("no constituency with ONS code '{}'", options.constituency));

  TimetableOverrides overrides;
  if (options.extend == "yes") overrides.extend_for_bank_holidays = true;
  if (options.extend == "no") overrides.extend_for_bank_holidays = false;
  const HolidayRegion region = holiday_region(constituency->nation);
  const Timetable timetable =
      options.notice.empty()
          ? compute_timetable_from_designated(policy.timetable, region, parse_iso_date(options.designated, "--designated"),
                                              overrides)
          : compute_timetable(policy.timetable, region, parse_iso_date(options.notice, "--notice"), overrides);
  if (options.json) {
    std::cout << to_json(timetable).dump(2) << '\n';
  } else {
    print_text(timetable, *constituency, policy);
  }
}

}  // namespace

void add_timetable_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<TimetableOptions>();
  auto* command = app.add_subcommand("timetable", "The statutory timetable of a recall petition");
  command->add_option("--policy", options->policy, "policy id (see policies/)")->capture_default_str();
  command->add_option("--constituency", options->constituency, "ONS code, e.g. E14000878")->required();
  command->add_option("--notice", options->notice, "date of the Speaker's notice, YYYY-MM-DD");
  command->add_option("--designated", options->designated, "the designated (opening) day instead, YYYY-MM-DD");
  command->add_option("--extend-for-bank-holidays", options->extend,
                      "override the policy: add bank holidays to the end of the signing period")
      ->check(CLI::IsMember({"yes", "no"}));
  command->add_flag("--json", options->json, "print JSON");
  command->callback([&context, options] { run(context, *options); });
}

}  // namespace recall::cli
