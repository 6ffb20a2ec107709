// recall bank-holidays --nation NATION --year YYYY [--json]
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "core/calendar/bank_holidays.hpp"

namespace recall::cli {

void add_bank_holidays_command(CLI::App& app, CommandContext& /*context*/) {
  struct Options {
    std::string nation;
    int year = 0;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("bank-holidays", "List the bank holidays of one part of the UK in one year");
  command->add_option("--nation", options->nation, "england-and-wales, scotland or northern-ireland")->required();
  command->add_option("--year", options->year, "the year, 2010 to 2035")->required();
  command->add_flag("--json", options->json, "print a JSON array of ISO dates");
  command->callback([options] {
    const HolidayRegion region = parse_holiday_region(options->nation);
    const auto holidays = bank_holidays(region, options->year);
    if (options->json) {
      nlohmann::json dates = nlohmann::json::array();
      for (const auto& holiday : holidays) dates.push_back(to_iso(holiday.date));
      std::cout << dates.dump() << '\n';
      return;
    }
    for (const auto& holiday : holidays) {
      std::cout << fmt::format("{}  {}\n", to_long_form(holiday.date), holiday.name);
    }
  });
}

}  // namespace recall::cli
