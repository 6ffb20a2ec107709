#include "cli/public_petition/public_petition_world.hpp"

#include <spdlog/spdlog.h>

#include "cli/environment.hpp"
#include "core/base/error.hpp"
#include "core/public_petition/utc_timestamp.hpp"

namespace recall::cli {

PublicPetitionWorld::PublicPetitionWorld(std::unique_ptr<Store> store_in, std::unique_ptr<Store> intake_store_in,
                                         Parliament parliament_in, Clock clock_in)
    : store(std::move(store_in)),
      intake_store(std::move(intake_store_in)),
      parliament(std::move(parliament_in)),
      clock(std::move(clock_in)) {}

PublicPetitionWorld::~PublicPetitionWorld() {
  if (service) service->stop();
}

Clock public_petition_clock(const PublicPetitionOptions& options) {
  if (options.now.empty()) return system_seconds;
  const std::int64_t fixed = public_petition::parse_utc_timestamp(options.now, "--now");
  return [fixed] { return fixed; };
}

std::unique_ptr<PublicPetitionWorld> open_public_petition_world(const CommandContext& context,
                                                                const PublicPetitionOptions& options) {
  Clock clock = public_petition_clock(options);  // a bad --now fails before the database is touched
  // The service logs its start-up at info level to stdout, which would corrupt --json output and
  // says nothing a command's user needs; warnings and errors still show.
  spdlog::set_level(spdlog::level::warn);
  const Resources resources = find_resources(context.home);
  // On the heap so the service's references to the stores and the reference data stay put.
  auto store = open_context_store(context);
  // As serve does: signers' postcodes are looked up in the store's directory. Unchanged data is a
  // digest comparison, so this costs nothing after the first time.
  sync_reference_data(*store, resources, false);
  auto reference = store->reference().load_reference_data();
  if (!reference) throw Error(ErrorKind::internal, "the store holds no reference data after loading it");
  auto world = std::make_unique<PublicPetitionWorld>(std::move(store), open_context_store(context),
                                                     Parliament(std::move(*reference)), clock);
  PublicPetitionConfig config;
  if (!options.public_url.empty()) config.site_url = options.public_url;
  config.anonymise_after_months = options.anonymise_after_months;
  world->service = std::make_unique<PublicPetitionService>(*world->store, *world->intake_store, world->parliament,
                                                           clock, config);
  world->service->start();
  return world;
}

PublicPetitionReader open_public_petition_reader(const CommandContext& context) {
  const Resources resources = find_resources(context.home);
  return PublicPetitionReader{open_context_store(context), Parliament(read_reference_files(resources))};
}

}  // namespace recall::cli
