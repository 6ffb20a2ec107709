// recall register synth | import FILE | count: the electoral register for a petition.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "cli/progress_bar.hpp"
#include "core/base/error.hpp"
#include "core/register/eligibility.hpp"
#include "core/register/register_csv.hpp"
#include "core/register/synth.hpp"

namespace recall::cli {

namespace {

struct SynthArgs {
  std::string constituency;
  long electors = 0;
  std::uint64_t seed = 1;
  std::string notice = "2019-03-05";  // Peterborough's petition, a realistic default timetable
  std::string close = "2019-05-01";
  std::string out;
};

struct CountArgs {
  std::string constituency;
  std::string notice;
  std::string cut_off;
  std::string close;
  bool json = false;
};

const Constituency& find_constituency(const ReferenceData& data, const std::string& ons_code) {
  for (const auto& c : data.constituencies) {
    if (c.ons_code == ons_code) return c;
  }
  throw Error(ErrorKind::not_found, fmt::format("no constituency with ONS code \"{}\"", ons_code),
              SourceLocation{"arguments", 0, 0, "constituency"});
}

void synth(const CommandContext& context, const SynthArgs& args) {
  const ReferenceData data = read_reference_files(find_resources(context.home));
  const Constituency& constituency = find_constituency(data, args.constituency);
  std::string outward;
  for (const auto& [postcode, ons] : data.postcodes) {
    if (ons == constituency.ons_code) {
      outward = postcode.substr(0, postcode.find(' '));
      break;
    }
  }
  if (outward.empty()) {
    throw Error(ErrorKind::not_found, fmt::format("no example postcode for {} in the reference data", constituency.name));
  }
  SynthOptions options{outward, constituency.name, args.electors, args.seed, parse_iso_date(args.notice, "notice"),
                       parse_iso_date(args.close, "close")};
  const auto entries = synthesise_register(options);
  std::ofstream out(args.out, std::ios::binary);
  if (!out) throw Error(ErrorKind::invalid_input, fmt::format("cannot write {}", args.out), SourceLocation{args.out, 0, 0, "out"});
  write_register_header(out);
  for (const auto& e : entries) write_register_row(out, e);
  out.close();
  if (!out) throw Error(ErrorKind::unavailable, fmt::format("writing {} failed", args.out));
  std::cout << fmt::format("Wrote {} records for {} ({} eligible at the close) to {}.\n", entries.size(),
                           constituency.name, args.electors, args.out);
}

void import(const CommandContext& context, const std::string& file, const std::string& ons_code, bool show_progress) {
  const ReferenceData data = read_reference_files(find_resources(context.home));
  const Constituency& constituency = find_constituency(data, ons_code);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::not_found, fmt::format("cannot open {}", file));
  auto store = open_context_store(context);
  ProgressBar progress("Importing register", std::filesystem::file_size(file), show_progress);
  RegisterReader reader(in, file);
  std::uint64_t records = 0;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  const std::string source = std::filesystem::path(file).filename().string();
  // One transaction inside the store: a bad line anywhere leaves the database as it was.
  const std::int64_t id = store->registers().import_register(ons_code, source, now.count(), [&](RegisterEntry& entry) {
    if (!reader.next(entry)) return false;
    if (++records % 4096 == 0) progress.update(reader.bytes_read());
    return true;
  });
  progress.finish();
  std::cout << fmt::format("Imported {} records into register {} for {} from {}.\n", records, id, constituency.name,
                           source);
}

void count(const CommandContext& context, const CountArgs& args) {
  const Date notice = parse_iso_date(args.notice, "notice");
  const Date cut_off = parse_iso_date(args.cut_off, "cut-off");
  const Date close = parse_iso_date(args.close, "close");
  if (cut_off < notice || close < cut_off) {
    throw Error(ErrorKind::invalid_input, "expected notice <= cut-off <= close", SourceLocation{"arguments", 0, 0, "cut-off"});
  }
  auto store = open_context_store(context);
  const auto info = store->registers().latest_register(args.constituency);
  if (!info) throw_not_found(fmt::format("no register imported for {}", args.constituency));
  const auto entries = store->registers().load_register(info->id);
  const EligibilityCount c = count_eligible(entries, notice, cut_off, close);
  // s.14: success when signed * 10 >= eligible, so the least number that succeeds is eligible / 10 rounded up.
  const long needed = (c.eligible + 9) / 10;
  if (args.json) {
    const nlohmann::ordered_json out{{"constituency", args.constituency},
                                     {"register_id", info->id},
                                     {"source", info->source},
                                     {"records", info->records},
                                     {"notice", args.notice},
                                     {"cut_off", args.cut_off},
                                     {"close", args.close},
                                     {"eligible", c.eligible},
                                     {"signatures_needed", needed},
                                     {"excluded_under_18", c.excluded_under_18},
                                     {"excluded_late_application", c.excluded_late_application},
                                     {"excluded_after_cut_off", c.excluded_after_cut_off},
                                     {"deleted", c.deleted},
                                     {"not_yet_effective", c.not_yet_effective}};
    std::cout << out.dump(2) << '\n';
    return;
  }
  std::cout << fmt::format("Register {} for {} ({}, {} records)\n", info->id, args.constituency, info->source, info->records)
            << fmt::format("Eligible registered electors on {}: {}\n", args.close, c.eligible)
            << fmt::format("Signatures needed (signed x 10 >= eligible): {}\n", needed)
            << fmt::format("Not counted: {} under 18 at the close, {} deleted\n", c.excluded_under_18, c.deleted)
            << fmt::format("Records not counted: {} late applications, {} after the cut-off, {} after the close\n",
                           c.excluded_late_application, c.excluded_after_cut_off, c.not_yet_effective);
}

}  // namespace

void add_register_commands(CLI::App& app, CommandContext& context) {
  auto* reg = app.add_subcommand("register", "The electoral register for a petition: generate, import, count");
  reg->require_subcommand(1);

  auto s = std::make_shared<SynthArgs>();
  auto* synth_cmd = reg->add_subcommand("synth", "Write a realistic, deterministic register CSV");
  synth_cmd->add_option("--constituency", s->constituency, "ONS code")->required();
  synth_cmd->add_option("--electors", s->electors, "how many are eligible at the close")->required()->check(CLI::NonNegativeNumber);
  synth_cmd->add_option("--seed", s->seed, "same seed, same file")->capture_default_str();
  synth_cmd->add_option("--notice", s->notice, "day of the Speaker's notice (YYYY-MM-DD)")->capture_default_str();
  synth_cmd->add_option("--close", s->close, "last day of signing (YYYY-MM-DD)")->capture_default_str();
  synth_cmd->add_option("--out", s->out, "the CSV file to write")->required();
  synth_cmd->callback([&context, s] { synth(context, *s); });

  auto file = std::make_shared<std::string>();
  auto ons = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto* import_cmd = reg->add_subcommand("import", "Import a register CSV (docs/register-format.md) in one transaction");
  import_cmd->add_option("FILE", *file, "the CSV file")->required()->check(CLI::ExistingFile);
  import_cmd->add_option("--constituency", *ons, "ONS code")->required();
  import_cmd->add_flag("--quiet", *quiet, "no progress bar");
  import_cmd->callback([&context, file, ons, quiet] { import(context, *file, *ons, !*quiet); });

  auto c = std::make_shared<CountArgs>();
  auto* count_cmd = reg->add_subcommand("count", "The s.14 eligible electors from the latest imported register");
  count_cmd->add_option("--constituency", c->constituency, "ONS code")->required();
  count_cmd->add_option("--notice", c->notice, "day of the Speaker's notice (YYYY-MM-DD)")->required();
  count_cmd->add_option("--cut-off", c->cut_off, "the cut-off day (YYYY-MM-DD)")->required();
  count_cmd->add_option("--close", c->close, "last day of signing (YYYY-MM-DD)")->required();
  count_cmd->add_flag("--json", c->json, "print JSON");
  count_cmd->callback([&context, c] { count(context, *c); });
}

}  // namespace recall::cli
