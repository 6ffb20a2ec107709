// GET /users and POST /users: the officer's list of accounts and the form that adds one with its
// role and, for staff, its duty. The account and its "user.add" audit entry commit together.
#include "core/auth/clock.hpp"
#include "core/auth/password.hpp"
#include "core/auth/role.hpp"
#include "http/auth/guard.hpp"
#include "http/auth/web_auth.hpp"
#include "http/page.hpp"
#include "http/routes/petition_pages.hpp"
#include "http/routes/petition_view.hpp"

namespace recall::http {

namespace {

struct UserForm {
  std::string email;
  std::string role;
  std::string duty;
};

nlohmann::json options(std::initializer_list<std::pair<const char*, const char*>> items, const std::string& chosen) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [value, text] : items) out.push_back({{"value", value}, {"text", text}, {"selected", chosen == value}});
  return out;
}

Response show(const Site& site, const Request& request, const Visitor& visitor, const UserForm& form,
              const nlohmann::json& error, int status) {
  nlohmann::json users = nlohmann::json::array();
  for (const UserRecord& user : site.store.users().list_users()) {
    // Never the password hash.
    users.push_back({{"id", user.id},
                     {"email", user.email},
                     {"role", user.role},
                     {"duty", user.duty},
                     {"created_at", format_utc_timestamp(user.created_at)},
                     {"disabled", user.disabled}});
  }
  nlohmann::json view{
      {"users", users},
      {"form",
       {{"email", form.email},
        {"roles", options({{"petition-officer", "Petition officer"},
                           {"staff", "Staff"},
                           {"observer", "Observer"},
                           {"campaigner", "Campaigner"},
                           {"moderator", "Moderator (public petitions)"}},
                          form.role)},
        {"duties", options({{"", "None (not staff)"},
                            {"signing-place-clerk", "Signing-place clerk"},
                            {"postal-team", "Postal team"}},
                           form.duty)}}},
      {"has_error", !error.is_null()},
      {"error", error}};
  add_visitor(view, visitor);
  return render(request, site.templates, "users", PageMeta{error.is_null() ? "Accounts" : "Error: Accounts", status}, view);
}

}  // namespace

Response users_page(const Site& site, const Request& request, const Visitor& visitor) {
  return show(site, request, visitor, UserForm{}, nullptr, 200);
}

Response add_user_submit(const Site& site, const Request& request, const Visitor& visitor) {
  const UserForm form{form_text(request, "email"), form_text(request, "role"), form_text(request, "duty")};
  try {
    if (form.email.empty() || form.email.find('@') == std::string::npos) {
      throw Error(ErrorKind::invalid_input, "Enter an email address, like name@example.com",
                  SourceLocation{"form", 0, 0, "email"});
    }
    const Role role = role_from_text(form.role, "role");
    if (role == Role::public_user) {
      throw Error(ErrorKind::invalid_input, "The public need no account; choose another role", SourceLocation{"form", 0, 0, "role"});
    }
    const Duty duty = duty_from_text(form.duty, "duty");
    check_role_and_duty(role, duty);
    const std::string password = request.form.get("password").value_or("");
    check_password_rules(password, form.email);

    const std::int64_t now = site.auth.clock()();
    UserRecord user{0, form.email, std::string(to_string(role)), std::string(to_string(duty)), hash_password(password), now, false};
    site.store.transaction([&] {
      user.id = site.store.users().add_user(user);
      AuditEntry entry;
      entry.at = format_utc_timestamp(now);
      entry.actor_user_id = visitor.actor.user_id;
      entry.actor_email = visitor.actor.email;
      entry.role = std::string(to_string(visitor.actor.role));
      entry.action = "user.add";
      entry.target = user.email;
      entry.detail = nlohmann::json{{"user_id", user.id}, {"role", user.role}, {"duty", user.duty}, {"via", "web"}}.dump();
      entry.remote_address = visitor.actor.remote_address;
      site.store.audit().append(entry);
    });
    if (!request.wants_json()) return see_other("/users");
    Response response;
    response.status = 201;
    response.content_type = "application/json";
    response.body = nlohmann::json{{"id", user.id}, {"email", user.email}, {"role", user.role}, {"duty", user.duty}}.dump();
    return response;
  } catch (const Error& error) {
    const bool form_problem = error.kind() == ErrorKind::invalid_input || error.kind() == ErrorKind::conflict;
    if (!form_problem || request.wants_json()) throw;
    return show(site, request, visitor, form, form_error_json(error, "email"), error.kind() == ErrorKind::conflict ? 409 : 400);
  }
}

}  // namespace recall::http
