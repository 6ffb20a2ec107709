#include "cli/petition/petition_world.hpp"

#include "cli/environment.hpp"
#include "cli/ledger_key.hpp"
#include "core/auth/clock.hpp"
#include "core/petition/local_time.hpp"
#include "service/local_clock.hpp"

namespace recall::cli {

namespace {

Clock clock_for(const PetitionOptions& options) {
  if (options.as_of.empty()) return system_seconds;
  const std::int64_t fixed = unix_seconds_at(parse_local_date_time(options.as_of, "--as-of"));
  return [fixed] { return fixed; };
}

}  // namespace

std::unique_ptr<PetitionWorld> open_petition_world(const CommandContext& context,
                                                   const PetitionOptions& options) {
  const Resources resources = find_resources(context.home);
  Clock clock = clock_for(options);  // a bad --as-of fails before the database is touched
  // On the heap so the service's references to the store, data and policies stay put.
  auto world = std::make_unique<PetitionWorld>(
      open_context_store(context), Parliament(read_reference_files(resources)),
      PolicySet::load_directory(resources.policies_dir()), Actor::command_line(), nullptr);
  world->service =
      std::make_unique<PetitionService>(*world->store, world->parliament, world->policies, std::move(clock));
  world->service->use_ledger_key(load_or_create_ledger_key(context));
  return world;
}

}  // namespace recall::cli
