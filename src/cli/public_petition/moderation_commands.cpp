// recall public-petition publish | reject | hide | invalidate | clear-suspects: the moderator's steps,
// through the same service (checks, transactions, audit entries) as the moderation pages.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/public_petition/public_petition_subcommands.hpp"
#include "core/auth/clock.hpp"
#include "service/petition_steps.hpp"

namespace recall::cli {

namespace {

using public_petition::PublicPetitionState;

struct PublishArgs {
  std::int64_t id = 0;
  bool force = false;
};

struct DecisionArgs {
  std::int64_t id = 0;
  std::string reason;
  std::string note;
};

struct InvalidateArgs {
  std::int64_t id = 0;
  public_petition::InvalidationForm form;
};

struct ClearArgs {
  std::int64_t id = 0;
  bool all = false;
  std::vector<std::int64_t> signature_ids;
};

std::string reason_list() {
  std::string out;
  for (const auto reason : public_petition::all_moderation_reasons()) {
    out += fmt::format("{}{}", out.empty() ? "" : ", ", to_string(reason));
  }
  return out;
}

public_petition::ModerationReason moderation_reason(const std::string& text) {
  const auto reason = public_petition::parse_moderation_reason(text);
  if (!reason) bad_public_option("--reason", fmt::format("\"{}\" is not a reason; one of {}", text, reason_list()));
  return *reason;
}

// --force: a petition still collecting sponsors goes to moderation without the rest of them, for
// rehearsals and the benchmark. The lifecycle's own move (collecting-sponsors -> sponsored) is used,
// the sponsor count stays what it really is, and the audit log says who waived how many; nothing
// pretends sponsors signed.
void waive_missing_sponsors(PublicPetitionWorld& world, std::int64_t id) {
  auto& petitions = world.store->public_petitions();
  const auto record = petitions.find_petition(id);
  if (!record) throw Error(ErrorKind::not_found, fmt::format("there is no public petition {}", id));
  if (record->petition.state != PublicPetitionState::collecting_sponsors) return;
  public_petition::PublicPetition petition = record->petition;
  const std::int64_t now = world.clock();
  petition.state = public_petition::next_state(petition.state, public_petition::PetitionEvent::enough_sponsors);
  petition.sponsored_at = now;
  const int needed = world.service->config().rules.sponsors_needed;
  world.store->transaction([&] {
    petitions.save_state(petition, PublicPetitionState::collecting_sponsors, world.moderator.user_id);
    petition_steps::audit(*world.store, world.moderator, now, "public-petition.sponsors-waived",
                          fmt::format("public-petition/{}", id),
                          {{"sponsors", petition.sponsor_count}, {"sponsors_needed", needed}, {"via", "cli --force"}});
  });
  std::cerr << fmt::format("recall: REHEARSAL ONLY: petition {} had {} of {} sponsors; sent to moderation without "
                           "the rest (audited as public-petition.sponsors-waived)\n",
                           id, petition.sponsor_count, needed);
}

void publish(const CommandContext& context, const PublicPetitionOptions& options, const PublishArgs& args) {
  auto world = open_public_petition_world(context, options);
  if (args.force) waive_missing_sponsors(*world, args.id);
  world->service->publish(args.id, world->moderator);
  const auto record = world->service->find(args.id);
  if (options.json) {
    return print_json({{"id", args.id},
                       {"state", "open"},
                       {"closes_at", record && record->petition.closes_at
                                         ? nlohmann::ordered_json(format_utc_timestamp(*record->petition.closes_at))
                                         : nlohmann::ordered_json(nullptr)}});
  }
  std::cout << fmt::format("Published public petition {}", args.id);
  if (record && record->petition.closes_at) {
    std::cout << fmt::format(": it takes signatures until {}", format_utc_timestamp(*record->petition.closes_at - 1));
  }
  std::cout << ".\n";
}

const std::map<std::string, std::string, std::less<>> decision_options = {
    {"reason", "--reason"}, {"note", "--note"}, {"moderation_note", "--note"}};

void reject(const CommandContext& context, const PublicPetitionOptions& options, const DecisionArgs& args) {
  const auto reason = moderation_reason(args.reason);  // before the database is touched
  auto world = open_public_petition_world(context, options);
  with_option_names(decision_options, [&] { world->service->reject(args.id, reason, args.note, world->moderator); });
  const auto record = world->service->find(args.id);
  const auto state = record ? to_string(record->petition.state) : std::string_view("rejected");
  if (options.json) return print_json({{"id", args.id}, {"state", state}, {"reason", to_string(reason)}});
  // A reason whose text must not be shown hides the petition instead (moderation_reason.hpp).
  std::cout << fmt::format("Public petition {} is {} ({}): {}\n", args.id, state, to_string(reason),
                           public_petition::public_description(reason));
}

void hide(const CommandContext& context, const PublicPetitionOptions& options, const DecisionArgs& args) {
  const auto reason = moderation_reason(args.reason);
  auto world = open_public_petition_world(context, options);
  with_option_names(decision_options, [&] { world->service->hide(args.id, reason, args.note, world->moderator); });
  if (options.json) return print_json({{"id", args.id}, {"state", "hidden"}, {"reason", to_string(reason)}});
  std::cout << fmt::format("Public petition {} is hidden ({}); it takes no more signatures.\n", args.id,
                           to_string(reason));
}

const std::map<std::string, std::string, std::less<>> invalidation_options = {
    {"ip", "--ip"}, {"domain", "--domain"}, {"postcode", "--postcode"}, {"from", "--from"}, {"to", "--to"}};

void invalidate(const CommandContext& context, const PublicPetitionOptions& options, const InvalidateArgs& args) {
  // Checked before the service starts, so a typo costs nothing; the service checks again.
  with_option_names(invalidation_options, [&] { return public_petition::parse_invalidation_criteria(args.form); });
  auto world = open_public_petition_world(context, options);
  const InvalidationResult result = with_option_names(
      invalidation_options, [&] { return world->service->invalidate(args.id, args.form, world->moderator); });
  const auto uncounted = static_cast<std::int64_t>(result.changes.size());
  if (options.json) {
    return print_json({{"id", args.id},
                       {"invalidation_id", result.invalidation_id},
                       {"matched", result.matched},
                       {"uncounted", uncounted}});
  }
  std::cout << fmt::format("Invalidation {} struck out {} signature{} of public petition {}; {} of them had counted.\n",
                           result.invalidation_id, result.matched, result.matched == 1 ? "" : "s", args.id,
                           uncounted);
}

void clear_suspects(const CommandContext& context, const PublicPetitionOptions& options, const ClearArgs& args) {
  if (args.all == !args.signature_ids.empty()) {
    bad_public_option("--all", "give either the suspect signatures' ids or --all, not both and not neither");
  }
  auto world = open_public_petition_world(context, options);
  const std::int64_t counted = world->service->clear_suspects(args.id, args.signature_ids, world->moderator);
  if (options.json) return print_json({{"id", args.id}, {"now_counted", counted}});
  std::cout << fmt::format("Cleared suspect signatures of public petition {}: {} now count.\n", args.id, counted);
}

CLI::App* with_id(CLI::App& group, const std::string& name, const std::string& help, std::int64_t& id) {
  auto* command = group.add_subcommand(name, help);
  command->add_option("ID", id, "the petition's number")->required();
  return command;
}

}  // namespace

void add_public_petition_moderation_commands(CLI::App& group, CommandContext& context,
                                             const SharedPublicOptions& options) {
  auto publish_args = std::make_shared<PublishArgs>();
  auto* publish_cmd =
      with_id(group, "publish", "Open a sponsored petition for signing (the moderator's approval)", publish_args->id);
  publish_cmd->add_flag("--force", publish_args->force,
                        "REHEARSALS AND BENCHMARKS ONLY: publish a petition still collecting sponsors, "
                        "waiving the missing ones (audited)");
  publish_cmd->add_flag("--json", options->json, "print JSON");
  publish_cmd->callback([&context, options, publish_args] { publish(context, *options, *publish_args); });

  auto reject_args = std::make_shared<DecisionArgs>();
  auto* reject_cmd = with_id(group, "reject",
                             "Reject a sponsored petition with a reason (one whose text must not be shown hides it)",
                             reject_args->id);
  reject_cmd->add_option("--reason", reject_args->reason, "duplicate, no-clear-action, irrelevant, already-done, "
                                                          "honours, foi-request, nonsense, advert, fake-name, "
                                                          "offensive, libellous, confidential, copyright")
      ->required();
  reject_cmd->add_option("--note", reject_args->note, "the moderator's words, shown with the reason");
  reject_cmd->add_flag("--json", options->json, "print JSON");
  reject_cmd->callback([&context, options, reject_args] { reject(context, *options, *reject_args); });

  auto hide_args = std::make_shared<DecisionArgs>();
  auto* hide_cmd = with_id(group, "hide", "Withdraw a petition's text from view; an open one stops taking signatures",
                           hide_args->id);
  hide_cmd->add_option("--reason", hide_args->reason, "as for reject")->required();
  hide_cmd->add_option("--note", hide_args->note, "the moderator's words (not shown with the hidden text)");
  hide_cmd->add_flag("--json", options->json, "print JSON");
  hide_cmd->callback([&context, options, hide_args] { hide(context, *options, *hide_args); });

  auto inv = std::make_shared<InvalidateArgs>();
  auto* invalidate_cmd = with_id(
      group, "invalidate", "Strike out every signature matching all the criteria given; counts follow", inv->id);
  invalidate_cmd->add_option("--ip", inv->form.ip, "an address or CIDR range, e.g. 198.51.100.0/24");
  invalidate_cmd->add_option("--domain", inv->form.domain, "a mail domain: example.com, or *.example.com with subdomains");
  invalidate_cmd->add_option("--postcode", inv->form.postcode, "a postcode, any spacing or case");
  invalidate_cmd->add_option("--from", inv->form.from, "signed at or after, UTC: 2019-03-21T09:30:00Z");
  invalidate_cmd->add_option("--to", inv->form.to, "signed before, UTC");
  invalidate_cmd->add_flag("--json", options->json, "print JSON");
  invalidate_cmd->callback([&context, options, inv] { invalidate(context, *options, *inv); });

  auto clear = std::make_shared<ClearArgs>();
  auto* clear_cmd = with_id(group, "clear-suspects",
                            "Count suspect signatures (over a rate limit or blocked) after all", clear->id);
  clear_cmd->add_option("SIGNATURES", clear->signature_ids, "the suspect signatures' ids");
  clear_cmd->add_flag("--all", clear->all, "every suspect signature of the petition");
  clear_cmd->add_flag("--json", options->json, "print JSON");
  clear_cmd->callback([&context, options, clear] { clear_suspects(context, *options, *clear); });
}

}  // namespace recall::cli
