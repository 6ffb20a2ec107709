// recall petition sign | postal issue|list|return | void-sheet
// Refusals print the reason and exit 4 (conflict), so scripts can tell a marked register from a refusal.
// A recorded sheet naming an elector prints its receipt code (the clerk writes it down for the elector
// or it is posted to them); --receipt-out also writes the receipt file (docs/ledger-format.md).
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/petition/petition_subcommands.hpp"
#include "core/base/error.hpp"
#include "core/petition/receipt.hpp"

namespace recall::cli {

namespace {

struct SignArgs {
  std::int64_t petition = 0;
  std::int64_t place = 0;
  std::string elector;
  std::string id_shown;
  std::string proxy_name;
  std::string proxy_address;
  std::string receipt_out;
};

struct ReturnArgs {
  std::int64_t petition = 0;
  std::string elector;
  std::string received;
  bool no_official_mark = false;
  bool void_sheet = false;
  bool date_of_birth_mismatch = false;
  bool signature_mismatch = false;
  std::string receipt_out;
};

std::string_view explain(InPersonOutcome outcome) {
  switch (outcome) {
    case InPersonOutcome::signed_petition:
      return "signed: the register is marked";
    case InPersonOutcome::already_signed:
      return "refused: this elector has already signed";
    case InPersonOutcome::wrong_place:
      return "refused: this is not the elector's signing place";
    case InPersonOutcome::not_entitled:
      return "refused: not entitled to sign this petition";
    case InPersonOutcome::place_closed:
      return "refused: the signing place is not open now";
    case InPersonOutcome::no_proxy:
      return "refused: no proxy is appointed for this elector";
  }
  return "refused";
}

// The receipt as given at signing (no proof: the ledger is sealed then), written to `out_file` when
// one was asked for.
void write_receipt(const std::optional<Receipt>& receipt, const std::string& out_file) {
  if (!receipt || out_file.empty()) return;
  std::ofstream out(out_file, std::ios::binary);
  if (!out)
    throw Error(ErrorKind::invalid_input, fmt::format("cannot write {}", out_file),
                SourceLocation{out_file, 0, 0, "--receipt-out"});
  out << format_receipt_file(ReceiptFile{*receipt, std::nullopt});
  out.close();
  if (!out) throw Error(ErrorKind::unavailable, fmt::format("writing {} failed", out_file));
}

nlohmann::ordered_json receipt_json(const std::optional<Receipt>& receipt) {
  return receipt ? nlohmann::ordered_json(receipt_code(receipt->leaf.nonce)) : nlohmann::ordered_json(nullptr);
}

void print_receipt(const std::optional<Receipt>& receipt, const std::string& out_file) {
  if (!receipt) return;
  std::cout << fmt::format("receipt: {}\n", receipt_code(receipt->leaf.nonce));
  if (!out_file.empty()) std::cout << fmt::format("receipt file: {}\n", out_file);
}

void sign(const CommandContext& context, const PetitionOptions& options, const SignArgs& args) {
  auto world = open_petition_world(context, options);
  const InPersonResult result = world->service->sign_in_person(
      world->officer, InPersonRequest{args.petition, args.place, args.elector, args.id_shown, args.proxy_name,
                                      args.proxy_address});
  const InPersonOutcome outcome = result.outcome;
  // The sheet is recorded: the receipt file is written before anything is printed, so a failure to
  // write it is seen, while the code printed below still lets the elector have their receipt.
  write_receipt(result.receipt, args.receipt_out);
  if (options.json) {
    print_json({{"outcome", to_string(outcome)}, {"receipt", receipt_json(result.receipt)}});
  } else {
    std::cout << explain(outcome) << '\n';
    print_receipt(result.receipt, args.receipt_out);
  }
  if (outcome != InPersonOutcome::signed_petition)
    throw Error(ErrorKind::conflict, std::string(explain(outcome)));
}

void issue(const CommandContext& context, const PetitionOptions& options, std::int64_t petition,
           const std::string& elector) {
  auto world = open_petition_world(context, options);
  world->service->issue_postal_sheet(world->officer, petition, elector);
  std::cout << fmt::format("Issued a postal signing sheet to {}.\n", elector);
}

void list_issues(const CommandContext& context, const PetitionOptions& options, std::int64_t petition) {
  auto world = open_petition_world(context, options);
  const auto issues = world->service->postal_issues(world->officer, petition);
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const PostalIssue& i : issues) {
      out.push_back({{"elector_number", i.elector_number},
                     {"to_proxy", i.to_proxy},
                     {"reason", i.reason},
                     {"issued_at", i.issued_at}});
    }
    return print_json(out);
  }
  for (const PostalIssue& i : issues) {
    std::cout << fmt::format("{:<10}  {:<20}  {}{}\n", i.elector_number, i.reason, i.issued_at,
                             i.to_proxy ? "  to proxy" : "");
  }
  std::cout << fmt::format("{} postal signing sheets issued\n", issues.size());
}

void record_return(const CommandContext& context, const PetitionOptions& options, const ReturnArgs& args) {
  PostalReturnRequest request;
  request.petition_id = args.petition;
  request.elector_number = args.elector;
  request.official_mark = !args.no_official_mark;
  request.void_for_uncertainty = args.void_sheet;
  request.date_of_birth_matched = !args.date_of_birth_mismatch;
  request.signature_matched = !args.signature_mismatch;
  request.received_on = parse_iso_date(args.received, "--received");
  auto world = open_petition_world(context, options);
  const PostalReturnResult result = world->service->record_postal_return(world->officer, request);
  write_receipt(result.receipt, args.receipt_out);
  const std::string text = result.double_signing
                               ? std::string("refused: a sheet is already recorded for this elector")
                           : result.accepted ? std::string("accepted: one valid signature")
                                             : fmt::format("rejected: {}", describe(*result.rejection));
  if (options.json) {
    print_json(
        {{"accepted", result.accepted},
         {"rejection", result.rejection ? nlohmann::ordered_json(to_string(*result.rejection)) : nullptr},
         {"double_signing", result.double_signing},
         {"receipt", receipt_json(result.receipt)}});
  } else {
    std::cout << text << '\n';
    print_receipt(result.receipt, args.receipt_out);
  }
  if (result.double_signing) throw Error(ErrorKind::conflict, text);
}

}  // namespace

void add_petition_signing_commands(CLI::App& petition, CommandContext& context,
                                   const SharedOptions& options) {
  auto s = std::make_shared<SignArgs>();
  auto* sign_cmd =
      petition.add_subcommand("sign", "Mark the register for an elector signing in person at a place");
  sign_cmd->add_option("ID", s->petition, "the petition's number")->required();
  sign_cmd->add_option("--place", s->place, "the clerk's signing place number")->required();
  sign_cmd->add_option("--elector", s->elector, "elector number, e.g. PA-123")->required();
  sign_cmd->add_option("--id-shown", s->id_shown, "identity document shown: passport, driving-licence, ...")
      ->required();
  sign_cmd->add_option("--proxy-name", s->proxy_name, "when a proxy signs: their name");
  sign_cmd->add_option("--proxy-address", s->proxy_address, "when a proxy signs: their address");
  sign_cmd->add_option("--receipt-out", s->receipt_out, "also write the elector's receipt file here");
  sign_cmd->add_flag("--json", options->json, "print JSON");
  sign_cmd->callback([&context, options, s] { sign(context, *options, *s); });

  auto* postal =
      petition.add_subcommand("postal", "Postal signing sheets: issue to applicants, record returns");
  postal->require_subcommand(1);
  auto issue_id = std::make_shared<std::int64_t>(0);
  auto issue_elector = std::make_shared<std::string>();
  auto* issue_cmd = postal->add_subcommand(
      "issue", "Issue a sheet to a new postal applicant (until the application deadline)");
  issue_cmd->add_option("ID", *issue_id, "the petition's number")->required();
  issue_cmd->add_option("--elector", *issue_elector, "elector number")->required();
  issue_cmd->callback(
      [&context, options, issue_id, issue_elector] { issue(context, *options, *issue_id, *issue_elector); });

  auto list_id = std::make_shared<std::int64_t>(0);
  auto* list_cmd = postal->add_subcommand("list", "The postal sheets issued");
  list_cmd->add_option("ID", *list_id, "the petition's number")->required();
  list_cmd->add_flag("--json", options->json, "print JSON");
  list_cmd->callback([&context, options, list_id] { list_issues(context, *options, *list_id); });

  auto r = std::make_shared<ReturnArgs>();
  auto* return_cmd = postal->add_subcommand("return", "Record a returned postal sheet and its checks");
  return_cmd->add_option("ID", r->petition, "the petition's number")->required();
  return_cmd->add_option("--elector", r->elector, "elector number on the sheet")->required();
  return_cmd->add_option("--received", r->received, "day the sheet arrived, YYYY-MM-DD")->required();
  return_cmd->add_flag("--no-official-mark", r->no_official_mark, "the sheet lacks the official mark");
  return_cmd->add_flag("--dob-mismatch", r->date_of_birth_mismatch,
                       "the date of birth does not match the record");
  return_cmd->add_flag("--signature-mismatch", r->signature_mismatch,
                       "the signature does not match the record");
  return_cmd->add_option("--receipt-out", r->receipt_out, "also write the elector's receipt file here");
  return_cmd->add_flag("--json", options->json, "print JSON");
  return_cmd->callback([&context, options, r] { record_return(context, *options, *r); });

  auto v = std::make_shared<ReturnArgs>();
  v->void_sheet = true;
  auto* void_cmd =
      petition.add_subcommand("void-sheet", "Record a sheet that is unmarked or void for uncertainty");
  void_cmd->add_option("ID", v->petition, "the petition's number")->required();
  void_cmd->add_option("--received", v->received, "day the sheet arrived, YYYY-MM-DD")->required();
  void_cmd->add_flag("--json", options->json, "print JSON");
  void_cmd->callback([&context, options, v] { record_return(context, *options, *v); });
}

}  // namespace recall::cli
