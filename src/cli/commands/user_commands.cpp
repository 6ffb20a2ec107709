// recall user add --role ROLE [--duty DUTY] --email E --password-stdin
// recall user list [--json]
// recall audit export [--format csv|json]
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/environment.hpp"
#include "core/auth/clock.hpp"
#include "core/auth/password.hpp"
#include "core/auth/role.hpp"
#include "core/base/error.hpp"
#include "service/petition_service.hpp"

namespace recall::cli {

namespace {

struct UserAddOptions {
  std::string role;
  std::string duty;
  std::string email;
  bool password_stdin = false;
};

struct UserListOptions {
  bool json = false;
};

struct AuditExportOptions {
  std::string format = "csv";
};

// One line: a password given as an argument would sit in the shell history and in `ps` output.
std::string read_password_line() {
  std::string password;
  if (!std::getline(std::cin, password)) {
    throw_invalid("no password on standard input", SourceLocation{"stdin", 1, 0, "password"});
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void add_user(const CommandContext& context, const UserAddOptions& options) {
  if (!options.password_stdin) {
    throw_invalid("give the password on standard input with --password-stdin",
                  SourceLocation{"", 0, 0, "--password-stdin"});
  }
  const Role role = role_from_text(options.role, "--role");
  if (role == Role::public_user) {
    throw_invalid("the public need no account; choose petition-officer, staff, observer, campaigner or moderator",
                  SourceLocation{"", 0, 0, "--role"});
  }
  const Duty duty = duty_from_text(options.duty, "--duty");
  check_role_and_duty(role, duty);
  const std::string password = read_password_line();
  check_password_rules(password, options.email);

  const std::int64_t now = system_seconds();
  UserRecord user{
      0,   options.email, std::string(to_string(role)), std::string(to_string(duty)), hash_password(password),
      now, false};
  auto store = open_context_store(context);
  std::int64_t id = 0;
  // The account and its audit entry commit together or not at all.
  store->transaction([&] {
    id = store->users().add_user(user);
    AuditEntry entry;
    entry.at = format_utc_timestamp(now);
    entry.action = "user.add";
    entry.target = user.email;
    entry.detail =
        nlohmann::json{{"user_id", id}, {"role", user.role}, {"duty", user.duty}, {"via", "cli"}}.dump();
    entry.remote_address = "local";
    store->audit().append(entry);
  });
  std::cout << fmt::format("added {} {}{} (id {})\n", user.role, user.email,
                           user.duty.empty() ? "" : " as " + user.duty, id);
}

void list_users(const CommandContext& context, const UserListOptions& options) {
  auto store = open_context_store(context);
  const auto users = store->users().list_users();
  if (options.json) {
    auto out = nlohmann::json::array();
    for (const UserRecord& user : users) {
      // Never the password hash: it is of no use to a reader and of use to an attacker.
      out.push_back({{"id", user.id},
                     {"email", user.email},
                     {"role", user.role},
                     {"duty", user.duty},
                     {"created_at", format_utc_timestamp(user.created_at)},
                     {"disabled", user.disabled}});
    }
    std::cout << out.dump(2) << '\n';
    return;
  }
  if (users.empty()) {
    std::cout << "no accounts\n";
    return;
  }
  for (const UserRecord& user : users) {
    std::cout << fmt::format("{:>4}  {:<32}  {:<16}  {:<19}  {}{}\n", user.id, user.email, user.role,
                             user.duty, format_utc_timestamp(user.created_at),
                             user.disabled ? "  disabled" : "");
  }
}

// RFC 4180: quote a field when it holds a comma, quote or line break, doubling inner quotes.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void export_audit(const CommandContext& context, const AuditExportOptions& options) {
  if (options.format != "csv" && options.format != "json") {
    throw_invalid(fmt::format("'{}' is not an export format (csv, json)", options.format),
                  SourceLocation{"", 0, 0, "--format"});
  }
  auto store = open_context_store(context);
  // Through the petition service, which leaves out the signing-sheet entries of petitions not yet
  // declared (their number is a running total). It reads only the store, so it needs no reference data.
  const Parliament no_reference_data{ReferenceData{}};
  const PolicySet no_policies;
  PetitionService service(*store, no_reference_data, no_policies, system_seconds);
  const auto entries = service.audit_entries(Actor::command_line());
  if (options.format == "json") {
    auto out = nlohmann::json::array();
    for (const AuditEntry& e : entries) {
      out.push_back(
          {{"id", e.id},
           {"at", e.at},
           {"actor_user_id", e.actor_user_id ? nlohmann::json(*e.actor_user_id) : nlohmann::json(nullptr)},
           {"actor_email", e.actor_email},
           {"role", e.role},
           {"action", e.action},
           {"target", e.target},
           {"detail", nlohmann::json::parse(e.detail)},
           {"remote_address", e.remote_address}});
    }
    std::cout << out.dump(2) << '\n';
    return;
  }
  std::cout << "id,at,actor_user_id,actor_email,role,action,target,detail,remote_address\r\n";
  for (const AuditEntry& e : entries) {
    std::cout << fmt::format("{},{},{},{},{},{},{},{},{}\r\n", e.id, e.at,
                             e.actor_user_id ? std::to_string(*e.actor_user_id) : "",
                             csv_field(e.actor_email), csv_field(e.role), csv_field(e.action),
                             csv_field(e.target), csv_field(e.detail), csv_field(e.remote_address));
  }
}

}  // namespace

void add_user_commands(CLI::App& app, CommandContext& context) {
  auto* user =
      app.add_subcommand("user", "Accounts of the petition officer, staff, observers, campaigners and moderators");
  user->require_subcommand(1);

  auto add_options = std::make_shared<UserAddOptions>();
  auto* add = user->add_subcommand("add", "Add an account (writes a user.add audit entry)");
  add->add_option("--role", add_options->role, "petition-officer (or officer), staff, observer, campaigner, moderator (of public petitions)")
      ->required();
  add->add_option("--duty", add_options->duty, "for staff: signing-place-clerk or postal-team");
  add->add_option("--email", add_options->email, "the account's email address")->required();
  add->add_flag("--password-stdin", add_options->password_stdin,
                "read the password from the first line of stdin");
  add->callback([&context, add_options] { add_user(context, *add_options); });

  auto list_options = std::make_shared<UserListOptions>();
  auto* list = user->add_subcommand("list", "List the accounts");
  list->add_flag("--json", list_options->json, "print JSON");
  list->callback([&context, list_options] { list_users(context, *list_options); });

  auto* audit = app.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto export_options = std::make_shared<AuditExportOptions>();
  auto* exporter = audit->add_subcommand("export", "Print the whole audit log, oldest first");
  exporter->add_option("--format", export_options->format, "csv or json")->capture_default_str();
  exporter->callback([&context, export_options] { export_audit(context, *export_options); });
}

}  // namespace recall::cli
