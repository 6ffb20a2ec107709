// recall petition simulate --constituency ONS --policy ID --notice YYYY-MM-DD --electors N --signatures S
//                          --rejected R --seed K [--places P] [--terminate-on DATE] [--json]
// A whole petition on a synthetic register, through the same service steps as a real one, in one
// transaction of the --db store.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/environment.hpp"
#include "cli/ledger_key.hpp"
#include "cli/petition/petition_json.hpp"
#include "cli/petition/petition_subcommands.hpp"
#include "service/simulation.hpp"

namespace recall::cli {

namespace {

struct SimulateArgs {
  std::string constituency;
  std::string policy = "uk-2015";
  std::string notice;
  long electors = 0;
  long signatures = 0;
  long rejected = 0;
  std::uint64_t seed = 1;
  long places = 0;
  std::string terminate_on;
  bool json = false;
};

nlohmann::ordered_json result_json(const SimulationResult& result) {
  nlohmann::ordered_json out;
  if (result.declaration) {
    const Declaration& d = *result.declaration;
    out = {{"eligible", d.eligible},     {"valid_signatures", d.valid_signatures},
           {"rejected", d.rejected},     {"percent", percent_number(d.percent_tenths)},
           {"successful", d.successful}, {"required", d.required}};
    nlohmann::ordered_json by_reason = nlohmann::ordered_json::object();
    for (const auto& [reason, count] : d.rejected_by_reason)
      by_reason[std::string(to_string(reason))] = count;
    out["rejected_by_reason"] = by_reason;
  } else {
    out = {{"eligible", nullptr},
           {"valid_signatures", nullptr},
           {"rejected", nullptr},
           {"percent", nullptr},
           {"successful", false}};
  }
  nlohmann::ordered_json by_channel = nlohmann::ordered_json::object();
  for (const auto& [channel, count] : result.valid_by_channel)
    by_channel[std::string(to_string(channel))] = count;
  out["valid_by_channel"] = by_channel;
  out["outcome"] = result.outcome;
  out["petition"] = result.petition.id;  // the petition id, for later commands on it
  out["constituency"] = result.petition.ons_code;
  out["places"] = result.places;
  out["postal_sheets_issued"] = result.postal_sheets_issued;
  out["designated_day"] = to_iso(result.petition.timetable.designated_day);
  out["last_signing_day"] = to_iso(last_signing_day(result.petition));
  return out;
}

void simulate(const CommandContext& context, const SimulateArgs& args) {
  SimulationOptions options;
  options.ons_code = args.constituency;
  options.policy_id = args.policy;
  options.notice = parse_iso_date(args.notice, "--notice");
  options.electors = args.electors;
  options.signatures = args.signatures;
  options.rejected = args.rejected;
  options.seed = args.seed;
  options.places = args.places;
  if (!args.terminate_on.empty()) options.terminated_on = parse_iso_date(args.terminate_on, "--terminate-on");

  const Resources resources = find_resources(context.home);
  const Parliament parliament(read_reference_files(resources));
  const PolicySet policies = PolicySet::load_directory(resources.policies_dir());
  auto store = open_context_store(context);
  options.ledger_key = load_or_create_ledger_key(context);
  const SimulationResult result = simulate_petition(*store, parliament, policies, options);
  if (args.json) return print_json(result_json(result));
  std::cout << fmt::format("Petition {} for {} ({} to {}), {} signing places.\n", result.petition.id,
                           result.petition.constituency_name,
                           to_iso(result.petition.timetable.designated_day),
                           to_iso(last_signing_day(result.petition)), result.places);
  if (!result.declaration) {
    std::cout << "The petition ended early; there was no count.\n";
    return;
  }
  const Declaration& d = *result.declaration;
  std::cout << fmt::format("Eligible {}, valid signatures {} ({}%), rejected {}: {}.\n", d.eligible,
                           d.valid_signatures, format_percent_tenths(d.percent_tenths), d.rejected,
                           result.outcome);
}

}  // namespace

void add_petition_simulate_command(CLI::App& petition, CommandContext& context) {
  auto args = std::make_shared<SimulateArgs>();
  auto* command = petition.add_subcommand(
      "simulate",
      "Run a whole petition on a synthetic register through the service (one transaction in --db)");
  command->add_option("--constituency", args->constituency, "ONS code, e.g. E14000878")->required();
  command->add_option("--policy", args->policy, "policy id (see policies/)")->capture_default_str();
  command->add_option("--notice", args->notice, "day of the Speaker's notice, YYYY-MM-DD")->required();
  command->add_option("--electors", args->electors, "eligible registered electors at the close")->required();
  command->add_option("--signatures", args->signatures, "valid signatures to record")->required();
  command->add_option("--rejected", args->rejected, "rejected sheets to record")->capture_default_str();
  command->add_option("--seed", args->seed, "same seed, same petition")->capture_default_str();
  command->add_option("--places", args->places,
                      "signing places (default: one per 7,000 electors, within the policy's maximum)");
  command->add_option("--terminate-on", args->terminate_on,
                      "end the petition early on this day (s.13), YYYY-MM-DD");
  command->add_flag("--json", args->json, "print JSON");
  command->callback([&context, args] { simulate(context, *args); });
}

}  // namespace recall::cli
